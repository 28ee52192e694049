package dev.vigil.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.tools.eval.LearningCurveChart.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class LearningCurveChartTest {
  private static final List<String> WINDOWS = List.of("1–100", "101–200", "201–300", "301–400");

  @Test
  void eachSeriesIsOneLineWithItsPaletteColour_dashedWhenAsked_missingValuesLeftOut() {
    CategoryChart chart = LearningCurveChart.chart("t", "x", WINDOWS, List.of(
        new Series("useful", List.of(0.1, 0.2, Double.NaN, 0.4), false),
        new Series("oracle", Arrays.asList(0.3, null, 0.3, 0.3), true)));

    CategorySeries useful = chart.getSeriesMap().get("useful");
    CategorySeries oracle = chart.getSeriesMap().get("oracle");
    assertThat(List.<Object>copyOf(useful.getXData())).containsExactlyElementsOf(WINDOWS);
    assertThat(List.<Number>copyOf(useful.getYData())).containsExactly(0.1, 0.2, Double.NaN, 0.4);
    assertThat(List.<Number>copyOf(oracle.getYData())).containsExactly(0.3, Double.NaN, 0.3, 0.3);
    assertThat(useful.getLineColor()).isEqualTo(new Color(0x0072B2));
    assertThat(oracle.getLineColor()).isEqualTo(new Color(0xD55E00));
    assertThat(((BasicStroke) useful.getLineStyle()).getDashArray()).isNull();
    assertThat(((BasicStroke) oracle.getLineStyle()).getDashArray()).isNotEmpty();
    assertThat(useful.getMarker()).isNotEqualTo(oracle.getMarker());
  }

  @Test
  void theNinthSeriesReusesTheFirstColourWithAnotherMarker() {
    List<Series> nine = java.util.stream.IntStream.range(0, 9)
        .mapToObj(i -> new Series("s" + i, List.of(0.1, 0.2, 0.3, 0.4), false)).toList();
    CategoryChart chart = LearningCurveChart.chart("t", "x", WINDOWS, nine);

    CategorySeries first = chart.getSeriesMap().get("s0");
    CategorySeries ninth = chart.getSeriesMap().get("s8");
    assertThat(ninth.getLineColor()).isEqualTo(first.getLineColor());
    assertThat(ninth.getMarker()).isNotEqualTo(first.getMarker());
  }

  @Test
  void theYAxisRunsFromNothingToEverything_asLines() {
    CategoryChart chart = LearningCurveChart.chart("t", "x", WINDOWS, List.of());

    assertThat(chart.getStyler().getDefaultSeriesRenderStyle())
        .isEqualTo(CategorySeries.CategorySeriesRenderStyle.Line);
    assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0.0);
    assertThat(chart.getStyler().getYAxisMax()).isEqualTo(1.0);
  }

  @Test
  void refusesASeriesWithoutOneValuePerWindow_andNoWindowAtAll() {
    assertThatThrownBy(() -> LearningCurveChart.chart("t", "x", WINDOWS,
        List.of(new Series("short", List.of(0.1, 0.2), false))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short");
    assertThatThrownBy(() -> LearningCurveChart.chart("t", "x", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one window");
  }

  @Test
  void writeCreatesThePngIncludingMissingDirectories(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("eval/curves/learning-curve.png");
    LearningCurveChart.write(file, "t", "x", WINDOWS,
        List.of(new Series("answered", List.of(0.1, 0.2, 0.3, 0.4), false)));

    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(960);
    assertThat(image.getHeight()).isEqualTo(540);
  }
}
