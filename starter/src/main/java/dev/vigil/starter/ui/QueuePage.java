package dev.vigil.starter.ui;

import dev.vigil.starter.live.QueueWatch;
import dev.vigil.starter.ticket.TicketDirectory;
import dev.vigil.starter.ticket.TicketFilter;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The ticket queue: newest first, filtered by status, priority, assignee and tenant, refreshed live. */
@Controller
public class QueuePage {
  private static final int ROWS = 200;

  private final TicketDirectory directory;
  private final QueueWatch watch;

  public QueuePage(TicketDirectory directory, QueueWatch watch) {
    this.directory = directory;
    this.watch = watch;
  }

  @GetMapping("/")
  public String home() {
    return "redirect:/tickets";
  }

  @GetMapping("/tickets")
  public String queue(@RequestParam(required = false) String status,
      @RequestParam(required = false) String priority, @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String tenant, Model model) {
    rows(status, priority, assignee, tenant, model);
    model.addAttribute("statuses", TicketStatus.values());
    model.addAttribute("priorities", Priority.values());
    return "queue";
  }

  /**
   * The table alone, re-read by the page when the stream says the list changed (under {@code /queue}: any path
   * below {@code /tickets/} could be a ticket's id).
   */
  @GetMapping("/queue/rows")
  public String rows(@RequestParam(required = false) String status,
      @RequestParam(required = false) String priority, @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String tenant, Model model) {
    TicketFilter filter = TicketFilter.of(status, priority, assignee, tenant, ROWS);
    model.addAttribute("filter", filter);
    model.addAttribute("tickets", directory.list(filter));
    model.addAttribute("listedBy", directory.mechanism());
    return "queue :: rows";
  }

  @GetMapping(path = "/queue/stream", produces = "text/event-stream")
  @ResponseBody
  public SseEmitter stream() {
    return watch.subscribe();
  }
}
