package dev.vigil.activities.assistant.answerability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerabilityFitTest {
  @TempDir
  Path dir;

  /** Matches drawn with probability sigmoid(8 (answer_cosine - 0.5)); question_cosine is noise. */
  private static List<AnswerabilityFit.Example> synthetic(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<AnswerabilityFit.Example> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double answer = random.nextDouble();
      Map<String, Double> f = new HashMap<>();
      f.put("answer_cosine", answer);
      f.put("question_cosine", random.nextDouble());
      double p = 1 / (1 + Math.exp(-8 * (answer - 0.5)));
      examples.add(new AnswerabilityFit.Example(AnswerabilityFeatures.of(f), random.nextDouble() < p));
    }
    return examples;
  }

  private static AnswerabilityFeatures with(double answerCosine, double questionCosine) {
    return AnswerabilityFeatures.of(Map.of("answer_cosine", answerCosine, "question_cosine", questionCosine));
  }

  @Test
  void recoversTheGeneratingModel_andIgnoresTheNoise() {
    AnswerabilityModel model = AnswerabilityFit.fit(synthetic(4_000, 7), 0.0, "synthetic");
    assertThat(model.probability(with(0.5, 0.2))).isCloseTo(0.5, within(0.06));
    assertThat(model.probability(with(0.9, 0.2))).isCloseTo(1 / (1 + Math.exp(-3.2)), within(0.05));
    assertThat(model.probability(with(0.1, 0.9))).isCloseTo(1 / (1 + Math.exp(3.2)), within(0.05));
    int question = AnswerabilityFeatures.NAMES.indexOf("question_cosine");
    int answer = AnswerabilityFeatures.NAMES.indexOf("answer_cosine");
    assertThat(Math.abs(model.weights()[question])).isLessThan(0.15 * model.weights()[answer]);
  }

  @Test
  void isDeterministic_andRegularisationShrinksTheWeights() {
    List<AnswerabilityFit.Example> examples = synthetic(500, 3);
    assertThat(AnswerabilityFit.fit(examples, 1.0, "a")).isEqualTo(AnswerabilityFit.fit(examples, 1.0, "a"));
    int answer = AnswerabilityFeatures.NAMES.indexOf("answer_cosine");
    assertThat(AnswerabilityFit.fit(examples, 200.0, "a").weights()[answer])
        .isLessThan(AnswerabilityFit.fit(examples, 0.0, "a").weights()[answer]);
  }

  @Test
  void aChosenFeatureSetIsFitted_andEveryOtherFeatureWeighsNothing() {
    List<AnswerabilityFit.Example> examples = synthetic(2_000, 5);
    AnswerabilityModel model = AnswerabilityFit.fit(examples, 0.0, "answer only", List.of("answer_cosine"));
    int answer = AnswerabilityFeatures.NAMES.indexOf("answer_cosine");
    for (int i = 0; i < AnswerabilityFeatures.NAMES.size(); i++) {
      if (i != answer) {
        assertThat(model.weights()[i]).as(AnswerabilityFeatures.NAMES.get(i)).isZero();
      }
    }
    assertThat(model.weights()[answer]).isPositive();
    // the question cosine no longer moves the probability at all
    assertThat(model.probability(with(0.7, 0.0))).isEqualTo(model.probability(with(0.7, 1.0)));
    assertThat(model.probability(with(0.9, 0.2))).isCloseTo(1 / (1 + Math.exp(-3.2)), within(0.06));
    assertThatThrownBy(() -> AnswerabilityFit.fit(examples, 0.0, "x", List.of("shoe_size")))
        .hasMessageContaining("shoe_size");
    assertThatThrownBy(() -> AnswerabilityFit.fit(examples, 0.0, "x", List.of()))
        .hasMessageContaining("no feature");
  }

  @Test
  void theModelRoundTripsThroughItsFile() {
    AnswerabilityModel model = AnswerabilityFit.fit(synthetic(300, 11), 1.0, "round trip");
    Path file = dir.resolve("model.json");
    model.write(file);
    assertThat(AnswerabilityModel.read(file)).isEqualTo(model);
  }

  @Test
  void theShippedModelLoads_andRanksAStrongMatchAboveAWeakOne() {
    AnswerabilityModel shipped = AnswerabilityModel.shipped();
    Map<String, Double> strong = new HashMap<>(Map.of("best_cosine", 0.9, "question_cosine", 0.9,
        "answer_cosine", 0.8, "passage_cosine", 0.8, "bm25_reciprocal_rank", 1.0, "fused_reciprocal_rank", 1.0,
        "legs", 3.0, "margin", 0.3, "has_question", 1.0, "learned", 1.0));
    Map<String, Double> weak = new HashMap<>(Map.of("best_cosine", 0.3, "question_cosine", 0.3,
        "answer_cosine", 0.25, "passage_cosine", 0.3, "fused_reciprocal_rank", 0.2, "legs", 1.0,
        "margin", -0.2, "has_question", 1.0, "learned", 1.0));
    assertThat(shipped.probability(AnswerabilityFeatures.of(strong)))
        .isGreaterThan(shipped.probability(AnswerabilityFeatures.of(weak)));
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> AnswerabilityFit.fit(List.of(), 1.0, "x")).hasMessageContaining("no examples");
    assertThatThrownBy(() -> new AnswerabilityFeatures(new double[3])).hasMessageContaining("feature values");
    assertThatThrownBy(() -> AnswerabilityModel.read(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree("{\"intercept\": 0, \"features\": {\"shoe_size\": {\"weight\": 1}}}")))
        .hasMessageContaining("shoe_size");
  }
}
