package dev.vigil.starter.ui;

import dev.vigil.starter.ui.dashboard.DashboardFigures;
import dev.vigil.starter.ui.dashboard.DashboardService;
import dev.vigil.starter.ui.dashboard.SvgChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Charts over time: tickets by status, proactive responses, adoption and dismiss rates, knowledge, learning. */
@Controller
public class DashboardPage {
  private final DashboardService dashboards;

  public DashboardPage(DashboardService dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping("/dashboard")
  public String dashboard(Model model) {
    DashboardService.Dashboard dashboard = dashboards.dashboard();
    DashboardFigures f = dashboard.figures();
    List<String> labels = f.buckets().labels();
    String per = " per " + f.buckets().widthLabel();
    Map<String, String> charts = new LinkedHashMap<>();
    charts.put("Tickets by status", SvgChart.stackedBars("Tickets by status", labels, f.ticketsByStatus()));
    charts.put("Proactive responses" + per, SvgChart.stackedBars("Proactive responses", labels, f.proactive()));
    charts.put("Adoption and dismiss rates" + per, SvgChart.percentLines("Adoption and dismiss rates", labels,
        f.rates()));
    charts.put("Knowledge entries created" + per + ", by current status",
        SvgChart.stackedBars("Knowledge entries", labels, f.knowledge()));
    charts.put("Learning runs" + per, SvgChart.stackedBars("Learning runs", labels, f.learning()));
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("totals", f.totals());
    Map<String, Long> entryCounts = new LinkedHashMap<>();
    f.totals().entries().forEach((status, count) -> entryCounts.put(status.wireName(), count));
    model.addAttribute("entryCounts", entryCounts);
    model.addAttribute("charts", charts);
    return "dashboard";
  }
}
