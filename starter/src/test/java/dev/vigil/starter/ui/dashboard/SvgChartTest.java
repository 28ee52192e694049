package dev.vigil.starter.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {
  private static final List<String> LABELS = List.of("10:00", "10:01", "10:02");

  @Test
  void stackedBarsAreWellFormedSvgWithEscapedText() throws Exception {
    String svg = SvgChart.stackedBars("Tickets <by> status", LABELS, List.of(
        new Series("new", "#123456", new double[] {1, 0, 2}),
        new Series("<script>alert(1)</script>", "#654321", new double[] {3, 0, Double.NaN})));
    Document doc = parse(svg);
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("rect").getLength()).as("3 bars with a value + 2 legend swatches")
        .isEqualTo(5);
    assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    assertThat(svg).contains(">4</text>").as("the axis reaches the tallest stack (1 + 3)");
  }

  @Test
  void percentLinesLeaveGapsWhereThereIsNoValue() throws Exception {
    String svg = SvgChart.percentLines("Rates", LABELS, List.of(
        new Series("adopted", "#0a0", new double[] {50, Double.NaN, 100})));
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(2);
    String path = doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue();
    assertThat(path.chars().filter(c -> c == 'M').count()).as("two separate pieces").isEqualTo(2);
    assertThat(path).doesNotContain("L");
  }

  @Test
  void axisMaximaAreRound() {
    assertThat(SvgChart.niceMax(0)).isEqualTo(4);
    assertThat(SvgChart.niceMax(5)).isEqualTo(8);
    assertThat(SvgChart.niceMax(12)).isEqualTo(20);
    assertThat(SvgChart.niceMax(35)).isEqualTo(40);
    assertThat(SvgChart.niceMax(410)).isEqualTo(800);
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
