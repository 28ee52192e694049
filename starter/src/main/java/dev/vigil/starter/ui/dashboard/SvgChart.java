package dev.vigil.starter.ui.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * Small server-rendered SVG charts (stacked bars and lines over time buckets) for the dashboard: no script, no
 * chart library, readable in any browser and in screenshots. All text is XML-escaped.
 */
public final class SvgChart {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 230;
  private static final int LEFT = 44;
  private static final int RIGHT = 10;
  private static final int TOP = 12;
  private static final int BOTTOM = 58;

  private SvgChart() {}

  /** Bars per bucket with the series stacked on each other. */
  public static String stackedBars(String title, List<String> labels, List<Series> series) {
    int n = labels.size();
    double[] totals = new double[n];
    for (Series s : series) {
      for (int i = 0; i < n; i++) {
        totals[i] += finite(s.values()[i]);
      }
    }
    double max = niceMax(max(totals));
    StringBuilder svg = open(title);
    axes(svg, labels, max, false);
    double slot = plotWidth() / (double) n;
    double barWidth = Math.max(2, slot * 0.7);
    for (int i = 0; i < n; i++) {
      double base = 0;
      for (Series s : series) {
        double v = finite(s.values()[i]);
        if (v <= 0) {
          continue;
        }
        double y0 = y(base, max);
        double y1 = y(base + v, max);
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
            LEFT + i * slot + (slot - barWidth) / 2, y1, barWidth, Math.max(0.5, y0 - y1), escape(s.color()),
            escape(labels.get(i)), escape(s.name()), number(v)));
        base += v;
      }
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  /** One line per series; values are percentages (0-100); buckets without a value leave a gap. */
  public static String percentLines(String title, List<String> labels, List<Series> series) {
    int n = labels.size();
    StringBuilder svg = open(title);
    axes(svg, labels, 100, true);
    double slot = plotWidth() / (double) n;
    for (Series s : series) {
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < n; i++) {
        double v = s.values()[i];
        if (Double.isNaN(v)) {
          pen = false;
          continue;
        }
        double x = LEFT + i * slot + slot / 2;
        double y = y(Math.min(100, Math.max(0, v)), 100);
        path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        pen = true;
        svg.append(String.format(Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %s%%</title></circle>", x, y,
            escape(s.color()), escape(labels.get(i)), escape(s.name()), number(v)));
      }
      if (path.length() > 0) {
        svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"")
            .append(escape(s.color())).append("\" stroke-width=\"2\"/>");
      }
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(title)).append("\">")
        .append("<title>").append(escape(title)).append("</title>");
  }

  private static void axes(StringBuilder svg, List<String> labels, double max, boolean percent) {
    for (int k = 0; k <= 4; k++) {
      double value = max * k / 4;
      double y = y(value, max);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e6ea\"/>"
              + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">%s%s</text>",
          LEFT, y, WIDTH - RIGHT, y, LEFT - 4, y + 3, number(value), percent ? "%" : ""));
    }
    int n = labels.size();
    double slot = plotWidth() / (double) n;
    int every = Math.max(1, (int) Math.ceil(n / 8.0));
    for (int i = 0; i < n; i += every) {
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">%s</text>",
          LEFT + i * slot + slot / 2, HEIGHT - BOTTOM + 14, escape(labels.get(i))));
    }
  }

  private static void legend(StringBuilder svg, List<Series> series) {
    int x = LEFT;
    int y = HEIGHT - 16;
    for (Series s : series) {
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#222\">%s</text>",
          x, y - 9, escape(s.color()), x + 14, y, escape(s.name())));
      x += 24 + s.name().length() * 6;
    }
  }

  private static double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static double y(double value, double max) {
    double plotHeight = HEIGHT - TOP - BOTTOM;
    return TOP + plotHeight - (max <= 0 ? 0 : value / max * plotHeight);
  }

  /** 1, 2, 5 times a power of ten, at least 4 so the four grid lines are whole numbers for counts. */
  static double niceMax(double value) {
    if (value <= 4) {
      return 4;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 4, 8, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static double finite(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
