package dev.vigil.starter.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/** Draws the evaluation's learning curve (rates per window, several series) as a PNG. */
public final class LearningCurveChart {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;

  /**
   * Okabe–Ito as RGB, reordered so the colours that read worst on white (yellow, then sky blue) come last; black is
   * kept for the seventh series rather than first so it does not look like an axis. Plain ints rather than
   * {@code Color}s: AWT classes must not be initialised before {@link #render} had its chance to ask for headless.
   */
  private static final int[] PALETTE = {
      0x0072B2, // blue
      0xD55E00, // vermillion
      0x009E73, // bluish green
      0xE69F00, // orange
      0xCC79A7, // reddish purple
      0x56B4E9, // sky blue
      0x000000, // black
      0xF0E442, // yellow
  };

  // Marker shapes cycle with a period (5) coprime to the palette's (8), so series 9+ that reuse a colour still
  // differ from the earlier series of that colour, and colour is never the only cue.
  private static final int MARKER_KINDS = 5;
  private static final double MARKER_RADIUS = 4.5;

  private static final int MARGIN = 16;
  private static final int TITLE_AREA = 44;
  private static final int Y_TICK_AREA = 48;
  private static final int X_TICK_AREA = 24;
  private static final int CAPTION_AREA = 26;
  private static final int LEGEND_GAP = 18;
  private static final int LEGEND_SWATCH = 30;
  private static final int LEGEND_PAD = 10;
  private static final int LEGEND_ROW = 20;
  private static final int LEGEND_MAX_LABEL = 200;
  private static final int X_LABEL_MAX = 110;

  private LearningCurveChart() {}

  /** One line of the chart: a label and one value in [0,1] per window (NaN = no point for that window). */
  public record Series(String label, List<Double> values, boolean dashed) {
    /** Copies {@code values} so later changes by the caller cannot desynchronise it from the window labels. */
    public Series {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(values, "values");
      // Not List.copyOf: a null entry is accepted and drawn like NaN (no point), which List.copyOf would reject.
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /**
   * Renders a line chart: x = window number (1..n, labelled with windowLabels), y = rate 0..1 (gridlines at 0.1 steps,
   * y axis labelled in %), one coloured line with point markers per series (dashed when asked), a legend, a title and
   * an x-axis caption. 960x540 px, antialiased, white background.
   *
   * @throws IllegalArgumentException when there is no window or a series does not have one value per window
   */
  public static byte[] render(String title, String xCaption, List<String> windowLabels, List<Series> series) {
    ensureHeadless();
    Layout layout = layout(windowLabels, series);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);

      drawTitle(g, title == null ? "" : title);
      drawYAxis(g, layout);
      drawXAxis(g, layout, windowLabels, xCaption == null ? "" : xCaption);
      // Clip to the plot plus room for a marker on its edge, so nothing can bleed into the axis labels or legend.
      Shape oldClip = g.getClip();
      g.clip(new Rectangle2D.Double(layout.plotLeft() - 2 * MARKER_RADIUS, layout.plotTop() - 2 * MARKER_RADIUS,
          layout.plotWidth() + 4 * MARKER_RADIUS, layout.plotHeight() + 4 * MARKER_RADIUS));
      // All lines first, then all markers: a later series' line must not hide an earlier series' points.
      for (int s = 0; s < series.size(); s++) {
        drawLine(g, layout, series.get(s), s);
      }
      for (int s = 0; s < series.size(); s++) {
        drawMarkers(g, layout, series.get(s), s);
      }
      g.setClip(oldClip);
      drawLegend(g, layout, series);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available in this JDK");
      }
    } catch (IOException e) {
      // Writing to memory does not fail for I/O reasons; surface anything that does as unchecked.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@link #render Renders} the chart and writes it to {@code file}, creating missing parent directories. */
  public static void write(Path file, String title, String xCaption, List<String> windowLabels, List<Series> series)
      throws IOException {
    Objects.requireNonNull(file, "file");
    byte[] png = render(title, xCaption, windowLabels, series);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, png);
  }

  /**
   * Where things go. Package-private so the test can compute where a point must be drawn from the same arithmetic
   * the renderer uses instead of hard-coding pixel positions.
   */
  record Layout(int windows, double plotLeft, double plotTop, double plotWidth, double plotHeight, double legendLeft) {
    /** Each window gets an equal slot and its point sits in the slot's middle, so one window is a centred point. */
    double x(int window) {
      return plotLeft + plotWidth * (window + 0.5) / windows;
    }

    /** Clamped to [0,1]; the caller skips NaN. */
    double y(double value) {
      return plotTop + plotHeight * (1 - clamp(value));
    }

    double plotBottom() {
      return plotTop + plotHeight;
    }

    double plotRight() {
      return plotLeft + plotWidth;
    }
  }

  /** Validates the input and computes the layout; the legend's width follows its (truncated) labels. */
  static Layout layout(List<String> windowLabels, List<Series> series) {
    validate(windowLabels, series);
    ensureHeadless();
    double legendLabel = 0;
    for (Series s : series) {
      String shown = ellipsize(Awt.LEGEND_FONT, s.label(), LEGEND_MAX_LABEL);
      legendLabel = Math.max(legendLabel, width(Awt.LEGEND_FONT, shown));
    }
    double legendWidth = series.isEmpty() ? 0 : LEGEND_PAD + LEGEND_SWATCH + 8 + legendLabel + LEGEND_PAD;
    double plotLeft = MARGIN + Y_TICK_AREA;
    double plotTop = TITLE_AREA;
    double legendLeft = WIDTH - MARGIN - legendWidth;
    double plotRight = series.isEmpty() ? WIDTH - MARGIN - 8 : legendLeft - LEGEND_GAP;
    double plotBottom = HEIGHT - MARGIN - CAPTION_AREA - X_TICK_AREA;
    return new Layout(windowLabels.size(), plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, legendLeft);
  }

  private static void validate(List<String> windowLabels, List<Series> series) {
    if (windowLabels == null || windowLabels.isEmpty()) {
      throw new IllegalArgumentException("a learning curve needs at least one window label");
    }
    if (series == null) {
      throw new IllegalArgumentException("series must not be null (pass an empty list for a chart without lines)");
    }
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      if (s == null) {
        throw new IllegalArgumentException("series #" + (i + 1) + " is null");
      }
      if (s.values().size() != windowLabels.size()) {
        throw new IllegalArgumentException("series '" + s.label() + "' has " + s.values().size()
            + " values but there are " + windowLabels.size() + " windows; give one value per window (NaN for none)");
      }
    }
  }

  private static void drawTitle(Graphics2D g, String title) {
    g.setFont(Awt.TITLE_FONT);
    g.setColor(Awt.TEXT);
    String shown = ellipsize(Awt.TITLE_FONT, title, WIDTH - 2 * MARGIN);
    float x = (float) ((WIDTH - width(Awt.TITLE_FONT, shown)) / 2);
    g.drawString(shown, x, 28f);
  }

  private static void drawYAxis(Graphics2D g, Layout layout) {
    g.setFont(Awt.TICK_FONT);
    float ascent = Awt.TICK_FONT.getLineMetrics("0%", Awt.FRC).getAscent();
    for (int step = 0; step <= 10; step++) {
      double value = step / 10.0;
      double y = layout.y(value);
      // Every 10 % gets a gridline; 50 % is a little stronger as a visual anchor.
      g.setColor(step == 5 ? Awt.GRID_MAJOR : Awt.GRID);
      g.setStroke(new BasicStroke(1f));
      if (step > 0) {
        g.draw(new Line2D.Double(layout.plotLeft(), y, layout.plotRight(), y));
      }
      String label = (step * 10) + "%";
      g.setColor(Awt.MUTED_TEXT);
      g.drawString(label, (float) (layout.plotLeft() - 8 - width(Awt.TICK_FONT, label)), (float) (y + ascent / 2 - 1));
    }
    g.setColor(Awt.AXIS);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(new Line2D.Double(layout.plotLeft(), layout.plotTop(), layout.plotLeft(), layout.plotBottom()));
    g.draw(new Line2D.Double(layout.plotLeft(), layout.plotBottom(), layout.plotRight(), layout.plotBottom()));
  }

  private static void drawXAxis(Graphics2D g, Layout layout, List<String> labels, String caption) {
    g.setFont(Awt.TICK_FONT);
    int n = labels.size();
    List<String> shown = new ArrayList<>(n);
    double widest = 0;
    for (String label : labels) {
      String s = ellipsize(Awt.TICK_FONT, label == null ? "" : label, X_LABEL_MAX);
      shown.add(s);
      widest = Math.max(widest, width(Awt.TICK_FONT, s));
    }
    // With many windows the labels would collide: label every k-th window, k chosen so neighbours keep a gap.
    double slot = layout.plotWidth() / n;
    int every = Math.max(1, (int) Math.ceil((widest + 10) / slot));
    float baseline = (float) (layout.plotBottom() + 8 + Awt.TICK_FONT.getLineMetrics("0", Awt.FRC).getAscent());
    double lastRight = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = layout.x(i);
      g.setColor(Awt.AXIS);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Line2D.Double(x, layout.plotBottom(), x, layout.plotBottom() + 4));
      boolean last = i == n - 1;
      if (i % every != 0 && !last) {
        continue;
      }
      double w = width(Awt.TICK_FONT, shown.get(i));
      double left = Math.max(MARGIN, Math.min(x - w / 2, WIDTH - MARGIN - w));
      // The last window is always worth labelling, but only if it does not run into the previous label.
      if (left < lastRight + 6) {
        continue;
      }
      g.setColor(Awt.MUTED_TEXT);
      g.drawString(shown.get(i), (float) left, baseline);
      lastRight = left + w;
    }
    g.setFont(Awt.CAPTION_FONT);
    g.setColor(Awt.TEXT);
    String cap = ellipsize(Awt.CAPTION_FONT, caption, WIDTH - 2 * MARGIN);
    double cx = layout.plotLeft() + (layout.plotWidth() - width(Awt.CAPTION_FONT, cap)) / 2;
    cx = Math.max(MARGIN, Math.min(cx, WIDTH - MARGIN - width(Awt.CAPTION_FONT, cap)));
    g.drawString(cap, (float) cx, (float) (HEIGHT - MARGIN - 4));
  }

  private static void drawLine(Graphics2D g, Layout layout, Series series, int index) {
    g.setColor(colorOf(index));
    g.setStroke(lineStroke(series.dashed()));
    // A missing value breaks the line instead of bridging it: a bridge would suggest a measured rate in between.
    Path2D.Double path = new Path2D.Double();
    boolean penDown = false;
    List<Double> values = series.values();
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null || v.isNaN()) {
        penDown = false;
        continue;
      }
      double x = layout.x(i);
      double y = layout.y(v);
      if (penDown) {
        path.lineTo(x, y);
      } else {
        path.moveTo(x, y);
        penDown = true;
      }
    }
    g.draw(path);
  }

  private static void drawMarkers(Graphics2D g, Layout layout, Series series, int index) {
    Color color = colorOf(index);
    List<Double> values = series.values();
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v != null && !v.isNaN()) {
        drawMarker(g, index, color, layout.x(i), layout.y(v));
      }
    }
  }

  private static void drawLegend(Graphics2D g, Layout layout, List<Series> series) {
    if (series.isEmpty()) {
      return;
    }
    // Rows that do not fit beside the plot are summarised rather than drawn over the axis labels.
    int capacity = (int) ((layout.plotHeight() - 2 * LEGEND_PAD) / LEGEND_ROW);
    int rows = series.size() <= capacity ? series.size() : capacity;
    int drawn = series.size() <= capacity ? rows : rows - 1;
    double left = layout.legendLeft();
    double top = layout.plotTop();
    double boxWidth = WIDTH - MARGIN - left;
    double boxHeight = 2 * LEGEND_PAD + rows * LEGEND_ROW;
    g.setColor(Awt.LEGEND_FILL);
    g.fill(new Rectangle2D.Double(left, top, boxWidth, boxHeight));
    g.setColor(Awt.GRID_MAJOR);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(left, top, boxWidth, boxHeight));
    g.setFont(Awt.LEGEND_FONT);
    float ascent = Awt.LEGEND_FONT.getLineMetrics("Ag", Awt.FRC).getAscent();
    for (int i = 0; i < drawn; i++) {
      Series s = series.get(i);
      double cy = top + LEGEND_PAD + i * LEGEND_ROW + LEGEND_ROW / 2.0;
      double x0 = left + LEGEND_PAD;
      Color color = colorOf(i);
      g.setColor(color);
      g.setStroke(lineStroke(s.dashed()));
      g.draw(new Line2D.Double(x0, cy, x0 + LEGEND_SWATCH, cy));
      drawMarker(g, i, color, x0 + LEGEND_SWATCH / 2.0, cy);
      g.setColor(Awt.TEXT);
      g.drawString(ellipsize(Awt.LEGEND_FONT, s.label(), LEGEND_MAX_LABEL), (float) (x0 + LEGEND_SWATCH + 8),
          (float) (cy + ascent / 2 - 1));
    }
    if (drawn < series.size()) {
      double cy = top + LEGEND_PAD + drawn * LEGEND_ROW + LEGEND_ROW / 2.0;
      g.setColor(Awt.MUTED_TEXT);
      g.drawString("… and " + (series.size() - drawn) + " more", (float) (left + LEGEND_PAD),
          (float) (cy + ascent / 2 - 1));
    }
  }

  private static Stroke lineStroke(boolean dashed) {
    return dashed
        ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f)
        : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  /** Filled so the point's own pixel carries the series colour, with a white rim to separate overlapping points. */
  private static void drawMarker(Graphics2D g, int index, Color color, double x, double y) {
    Shape shape = marker(index % MARKER_KINDS, x, y, MARKER_RADIUS);
    Stroke old = g.getStroke();
    g.setStroke(new BasicStroke(1.5f));
    g.setColor(Color.WHITE);
    g.draw(shape);
    g.setColor(color);
    g.fill(shape);
    g.setStroke(old);
  }

  private static Shape marker(int kind, double x, double y, double r) {
    switch (kind) {
      case 0:
        return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
      case 1: {
        double h = r * 0.9;
        return new Rectangle2D.Double(x - h, y - h, 2 * h, 2 * h);
      }
      case 2:
        return polygon(x, y, r * 1.15, 3, -Math.PI / 2); // triangle, point up
      case 3:
        return polygon(x, y, r * 1.2, 4, 0); // diamond
      default:
        return polygon(x, y, r * 1.15, 3, Math.PI / 2); // triangle, point down
    }
  }

  private static Shape polygon(double cx, double cy, double r, int corners, double startAngle) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < corners; i++) {
      double a = startAngle + 2 * Math.PI * i / corners;
      double px = cx + r * Math.cos(a);
      double py = cy + r * Math.sin(a);
      if (i == 0) {
        p.moveTo(px, py);
      } else {
        p.lineTo(px, py);
      }
    }
    p.closePath();
    return p;
  }

  /** The RGB colour of the series at {@code seriesIndex}; package-private so the test looks for the right pixels. */
  static int rgbOf(int seriesIndex) {
    return PALETTE[seriesIndex % PALETTE.length];
  }

  private static Color colorOf(int seriesIndex) {
    return new Color(rgbOf(seriesIndex));
  }

  private static double clamp(double value) {
    // Infinities clamp like any out-of-range value; NaN never gets here (callers skip it).
    return Math.max(0, Math.min(1, value));
  }

  private static double width(Font font, String text) {
    return font.getStringBounds(text, Awt.FRC).getWidth();
  }

  /** Shortens {@code text} with an ellipsis so it fits {@code maxWidth}; long labels must not push into the plot. */
  private static String ellipsize(Font font, String text, double maxWidth) {
    if (width(font, text) <= maxWidth) {
      return text;
    }
    String ellipsis = "…";
    int end = text.length();
    while (end > 0 && width(font, text.substring(0, end) + ellipsis) > maxWidth) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + ellipsis;
  }

  /**
   * Rendering only needs an off-screen image, so make that explicit when nobody decided otherwise; an existing
   * setting (including "false" on a desktop) is respected.
   */
  private static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
  /**
   * AWT constants, in a holder class so they are created on first use, i.e. after {@link #ensureHeadless()}:
   * loading AWT decides headless-or-not once, from the property as it is at that moment.
   */
  private static final class Awt {
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    // Text is measured with the same hints the Graphics2D uses (antialiased, fractional metrics), so the layout the
    // test and the renderer share does not depend on any screen.
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static final Color TEXT = new Color(0x222222);
    static final Color MUTED_TEXT = new Color(0x555555);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color GRID_MAJOR = new Color(0xC8C8C8);
    static final Color AXIS = new Color(0x444444);
    static final Color LEGEND_FILL = new Color(0xFAFAFA);

    private Awt() {}
  }
}
