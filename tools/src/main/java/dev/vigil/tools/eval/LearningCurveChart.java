package dev.vigil.tools.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the evaluation's learning curve (rates per window, several series) as a PNG, with XChart. */
public final class LearningCurveChart {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;

  /**
   * Okabe–Ito, reordered so the colours that read worst on white (yellow, then sky blue) come last; black is kept for
   * the seventh series rather than first so it does not look like an axis. Colour-blind safe.
   */
  static final int[] PALETTE = {
      0x0072B2, // blue
      0xD55E00, // vermillion
      0x009E73, // bluish green
      0xE69F00, // orange
      0xCC79A7, // reddish purple
      0x56B4E9, // sky blue
      0x000000, // black
      0xF0E442, // yellow
  };

  /**
   * Marker shapes cycle with a period (5) coprime to the palette's (8), so series 9+ that reuse a colour still differ
   * from the earlier series of that colour, and colour is never the only cue.
   */
  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

  private LearningCurveChart() {}

  /** One line of the chart: a label and one value in [0,1] per window (NaN or null = no point for that window). */
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
   * The chart: x = the windows (labelled with {@code windowLabels}), y = rate 0..100 %, one coloured line
   * with markers per series (dashed when asked), a legend, a title and an x-axis caption. 960x540, white.
   *
   * @throws IllegalArgumentException when there is no window or a series does not have one value per window
   */
  static CategoryChart chart(String title, String xCaption, List<String> windowLabels, List<Series> series) {
    if (windowLabels.isEmpty()) {
      throw new IllegalArgumentException("a learning curve needs at least one window");
    }
    for (Series s : series) {
      if (s.values().size() != windowLabels.size()) {
        throw new IllegalArgumentException("series '" + s.label() + "' has " + s.values().size()
            + " values for " + windowLabels.size() + " windows");
      }
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title(title == null ? "" : title).xAxisTitle(xCaption == null ? "" : xCaption).yAxisTitle("rate").build();
    CategoryStyler styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
    styler.setOverlapped(true); // every series at its window, not side by side like grouped bars
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setYAxisMin(0.0);
    styler.setYAxisMax(1.0);
    styler.setYAxisDecimalPattern("0%");
    styler.setAntiAlias(true);
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      // a window without a value is a gap in the line, not a point at zero
      List<Double> ys = s.values().stream().map(v -> v == null ? Double.NaN : v).toList();
      CategorySeries line = chart.addSeries(s.label(), windowLabels, ys);
      Color colour = new Color(rgbOf(i));
      line.setLineColor(colour);
      line.setMarkerColor(colour);
      line.setMarker(MARKERS[i % MARKERS.length]);
      line.setLineStyle(s.dashed()
          ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f)
          : new BasicStroke(2f));
    }
    return chart;
  }

  /** The colour of the {@code index}-th series, as RGB. */
  static int rgbOf(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** Renders the chart to {@code file} as PNG, creating its directory. */
  public static void write(Path file, String title, String xCaption, List<String> windowLabels, List<Series> series)
      throws IOException {
    Objects.requireNonNull(file, "file");
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    CategoryChart chart = chart(title, xCaption, windowLabels, series);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
  }
}
