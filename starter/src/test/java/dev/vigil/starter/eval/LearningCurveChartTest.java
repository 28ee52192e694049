package dev.vigil.starter.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.starter.eval.LearningCurveChart.Layout;
import dev.vigil.starter.eval.LearningCurveChart.Series;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning-curve PNG: valid image, points where the shared layout says, input checks, file output. */
class LearningCurveChartTest {
  private static final List<String> WINDOWS = List.of("1–100", "101–200", "201–300", "301–400");
  private static final double NAN = Double.NaN;

  @Test
  void rendersA960x540Png() throws IOException {
    BufferedImage image = decode(LearningCurveChart.render("Learning curve", "threads replayed", WINDOWS,
        List.of(new Series("auto-answered", List.of(0.1, 0.3, 0.5, 0.7), false))));

    assertThat(image.getWidth()).isEqualTo(960);
    assertThat(image.getHeight()).isEqualTo(540);
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).as("white background").isEqualTo(0xFFFFFF);
  }

  @Test
  void eachValueIsDrawnInItsSeriesColourWhereTheLayoutPutsIt_nanIsSkipped_outOfRangeIsClamped() throws IOException {
    List<Series> series = List.of(
        new Series("auto-answered", List.of(0.2, 0.5, NAN, 0.8), false),
        new Series("escalated", List.of(0.9, 0.1, 0.4, 0.3), true),
        new Series("out of range", List.of(1.7, -0.4, 0.65, 0.05), false));
    BufferedImage image = decode(LearningCurveChart.render("t", "x", WINDOWS, series));
    Layout layout = LearningCurveChart.layout(WINDOWS, series);

    for (int s = 0; s < series.size(); s++) {
      List<Double> values = series.get(s).values();
      for (int w = 0; w < WINDOWS.size(); w++) {
        if (!values.get(w).isNaN()) {
          assertThat(hasColourNear(image, layout.x(w), layout.y(values.get(w)), LearningCurveChart.rgbOf(s)))
              .as("series %d, window %d", s, w).isTrue();
        }
      }
    }
    // Clamping puts 170 % on the top edge of the plot and -40 % on the bottom edge.
    assertThat(layout.y(1.7)).isEqualTo(layout.plotTop());
    assertThat(layout.y(-0.4)).isEqualTo(layout.plotBottom());
    // Window 3 of the first series is NaN: nothing of its colour anywhere in that window's column of the plot,
    // neither a marker nor a line bridging the gap.
    int column = (int) Math.round(layout.x(2));
    int blue = LearningCurveChart.rgbOf(0);
    for (int y = (int) layout.plotTop() - 6; y <= (int) layout.plotBottom() + 6; y++) {
      for (int x = column - 3; x <= column + 3; x++) {
        assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isNotEqualTo(blue);
      }
    }
  }

  @Test
  void pointsStayInsideThePlotAndLeaveRoomForTheLegendOnTheRight() {
    List<Series> series = List.of(new Series("a rather long series label for the legend", List.of(0.5), false));
    Layout layout = LearningCurveChart.layout(List.of("only"), series);

    assertThat(layout.x(0)).isBetween(layout.plotLeft(), layout.plotRight());
    assertThat(layout.plotRight()).isLessThan(layout.legendLeft());
    assertThat(layout.legendLeft()).isLessThan(LearningCurveChart.WIDTH);
  }

  @Test
  void aSingleWindowRendersAPointInTheMiddleOfThePlot() throws IOException {
    List<String> one = List.of("1–100");
    List<Series> series = List.of(new Series("auto-answered", List.of(0.42), false),
        new Series("baseline", List.of(0.25), true));
    BufferedImage image = decode(LearningCurveChart.render("One window", "threads", one, series));
    Layout layout = LearningCurveChart.layout(one, series);

    assertThat(layout.x(0)).isCloseTo(layout.plotLeft() + layout.plotWidth() / 2, within(1e-9));
    assertThat(hasColourNear(image, layout.x(0), layout.y(0.42), LearningCurveChart.rgbOf(0))).isTrue();
    assertThat(hasColourNear(image, layout.x(0), layout.y(0.25), LearningCurveChart.rgbOf(1))).isTrue();
  }

  @Test
  void rejectsMismatchedLengthsAndMissingWindows() {
    List<Series> tooShort = List.of(new Series("auto-answered", List.of(0.1, 0.2), false));
    assertThatThrownBy(() -> LearningCurveChart.render("t", "x", WINDOWS, tooShort))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto-answered")
        .hasMessageContaining("2 values")
        .hasMessageContaining("4 windows");
    assertThatThrownBy(() -> LearningCurveChart.render("t", "x", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one window");
  }

  @Test
  void writeCreatesThePngIncludingMissingDirectories(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("eval/curves/learning-curve.png");
    LearningCurveChart.write(file, "t", "x", WINDOWS,
        List.of(new Series("auto-answered", List.of(0.1, 0.2, 0.3, 0.4), false)));

    assertThat(file).isRegularFile();
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(960);
    assertThat(image.getHeight()).isEqualTo(540);
  }

  /** A realistic chart for a human to look at; the surefire working directory is the starter module. */
  @Test
  void writesASampleForVisualInspection() throws IOException {
    List<String> windows = new ArrayList<>();
    for (int w = 0; w < 12; w++) {
      windows.add((w * 100 + 1) + "–" + (w + 1) * 100);
    }
    List<Series> series = List.of(
        new Series("auto-answered", List.of(0.05, 0.12, 0.21, 0.27, 0.34, 0.38, 0.43, 0.45, 0.49, 0.52, 0.53, 0.55),
            false),
        new Series("answer accepted", List.of(0.62, 0.66, 0.71, 0.70, 0.74, 0.77, 0.79, 0.78, 0.81, 0.83, 0.84, 0.84),
            false),
        new Series("knowledge hit rate", List.of(0.18, 0.29, 0.40, NAN, 0.52, 0.58, 0.63, 0.66, 0.70, 0.71, 0.73,
            0.75), false),
        new Series("escalated to human", List.of(0.70, 0.61, 0.52, 0.47, 0.41, 0.37, 0.33, 0.31, 0.28, 0.26, 0.25,
            0.24), false),
        new Series("baseline (no learning)", List.of(0.05, 0.05, 0.06, 0.05, 0.05, 0.06, 0.05, 0.05, 0.06, 0.05, 0.05,
            0.05), true));
    Path sample = Path.of("target", "eval-chart-sample.png");
    LearningCurveChart.write(sample, "Vigil learning curve — replay of 1,200 support threads",
        "threads replayed (window of 100 threads)", windows, series);

    assertThat(Files.size(sample)).isPositive();
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodable PNG").isNotNull();
    return image;
  }

  /**
   * Whether the pixel at the point, or one next to it, has exactly the series colour (give or take antialiasing
   * rounding). The marker is filled and several pixels wide, so its centre is solid colour, while the background,
   * gridlines and other series are not that colour.
   */
  private static boolean hasColourNear(BufferedImage image, double x, double y, int rgb) {
    int cx = (int) Math.round(x);
    int cy = (int) Math.round(y);
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        if (close(image.getRGB(cx + dx, cy + dy) & 0xFFFFFF, rgb)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 2) {
        return false;
      }
    }
    return true;
  }
}
