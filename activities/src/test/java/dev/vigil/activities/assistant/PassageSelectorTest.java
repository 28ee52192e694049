package dev.vigil.activities.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSelectorTest {

  @Test
  void paragraphsAreUnits_longOnesAreCutIntoSentences_andStepsStayTogether() {
    String answer = """
        Short intro paragraph.

        The sensor reports in Celsius by default and the gateway converts the value before it is forwarded to \
        the cloud. If you see Fahrenheit, the gateway's locale is set to en-US. Change the locale under Settings \
        and restart the gateway so the change applies to every sensor.

        To re-pair the sensor:
        1. Hold the reset button for 10 s.
        2. Open the app and choose Add device.
        3. Scan the QR code on the back.
        Done.""";
    List<String> units = PassageSelector.units(answer);
    assertThat(units).containsExactly(
        "Short intro paragraph.",
        "The sensor reports in Celsius by default and the gateway converts the value before it is forwarded to "
            + "the cloud.",
        "If you see Fahrenheit, the gateway's locale is set to en-US.",
        "Change the locale under Settings and restart the gateway so the change applies to every sensor.",
        "To re-pair the sensor:",
        "1. Hold the reset button for 10 s.\n2. Open the app and choose Add device.\n3. Scan the QR code on the back.",
        "Done.");
  }

  @Test
  void thePassageIsTheBestUnitWithTheNeighboursThatFit_betterSideFirst() {
    List<String> units = List.of("aaaa.", "bbbb.", "cccc.", "dddd.", "eeee.");
    double[] scores = {0.1, 0.5, 0.9, 0.2, 0.0};
    assertThat(PassageSelector.around(units, scores, 5)).isEqualTo("cccc.");
    assertThat(PassageSelector.around(units, scores, 11)).isEqualTo("bbbb. cccc.");
    assertThat(PassageSelector.around(units, scores, 17)).isEqualTo("bbbb. cccc. dddd.");
    assertThat(PassageSelector.around(units, scores, 1_000)).isEqualTo("aaaa. bbbb. cccc. dddd. eeee.");
  }

  @Test
  void stepsAreNeverCut_andKeepTheirLines() {
    List<String> units = List.of("To re-pair:", "1. Hold reset.\n2. Add device.", "Unrelated note.");
    double[] scores = {0.4, 0.9, 0.1};
    assertThat(PassageSelector.around(units, scores, 45)).isEqualTo("To re-pair:\n1. Hold reset.\n2. Add device.");
    assertThat(PassageSelector.around(units, scores, 5)).isEqualTo("1. Hold reset.\n2. Add device.");
  }
}
