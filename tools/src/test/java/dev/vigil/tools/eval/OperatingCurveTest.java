package dev.vigil.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperatingCurveTest {
  private static OperatingCurve.Scored c(double confidence, double cosine) {
    return new OperatingCurve.Scored(confidence, confidence, cosine);
  }

  @Test
  void eachThreadIsAnsweredByItsFirstAssessmentThatReachesTheThreshold() {
    List<List<List<OperatingCurve.Scored>>> threads = List.of(
        // thread 1: a weak wrong candidate first, then a confident right one
        List.of(List.of(c(0.3, 0.2), c(0.1, 0.9)), List.of(c(0.8, 0.7))),
        // thread 2: one confident wrong answer
        List.of(List.of(c(0.6, 0.1))),
        // thread 3: nothing weighed
        List.of());
    List<OperatingCurve.Point> curve = OperatingCurve.of(threads, List.of(0.2, 0.5, 0.7, 0.9), 0.6);

    assertThat(curve.get(0)).isEqualTo(new OperatingCurve.Point(0.2, 3, 2, 0));
    assertThat(curve.get(1)).isEqualTo(new OperatingCurve.Point(0.5, 3, 2, 1));
    assertThat(curve.get(2)).isEqualTo(new OperatingCurve.Point(0.7, 3, 1, 1));
    assertThat(curve.get(3)).isEqualTo(new OperatingCurve.Point(0.9, 3, 0, 0));
    assertThat(curve.get(1).precision()).isEqualTo(0.5);
    assertThat(curve.get(2).usefulRate()).isEqualTo(1.0 / 3);
  }

  @Test
  void theModelsOrderDecides_aLiftedRepeatOnlyAnswersWhenNothingAboveItReachesTheThreshold() {
    // the most probable candidate is right; a repeat lifted to 0.75 ranks below it and is wrong
    List<List<List<OperatingCurve.Scored>>> threads = List.of(List.of(List.of(
        new OperatingCurve.Scored(0.05, 0.75, 0.1), new OperatingCurve.Scored(0.3, 0.3, 0.8))));
    List<OperatingCurve.Point> curve = OperatingCurve.of(threads, List.of(0.2, 0.5, 0.8), 0.6);

    assertThat(curve.get(0)).isEqualTo(new OperatingCurve.Point(0.2, 1, 1, 1));
    assertThat(curve.get(1)).isEqualTo(new OperatingCurve.Point(0.5, 1, 1, 0));
    assertThat(curve.get(2)).isEqualTo(new OperatingCurve.Point(0.8, 1, 0, 0));
  }
}
