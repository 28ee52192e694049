package dev.vigil.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.activities.assistant.AssistantSettings;
import dev.vigil.activities.assistant.answerability.AnswerabilityFeatures;
import dev.vigil.activities.knowledge.MiniLmEmbedder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation harness on five real threads (attributed in the fixture's ATTRIBUTION.md), through the real
 * workflows and activities: with learning on, a later thread whose problem an earlier one resolved gets a matching
 * answer; with learning off, Vigil stays silent on an empty index; every report file is written.
 */
class EvaluationHarnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static MiniLmEmbedder embedder;

  @TempDir
  Path dir;

  @BeforeAll
  static void loadModel() {
    embedder = MiniLmEmbedder.load(Path.of("target", "djl-cache"), 2);
  }

  @AfterAll
  static void closeModel() {
    embedder.close();
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(EvaluationHarnessTest.class.getResource("/eval/iot-threads-fixture.jsonl").toURI());
  }

  private Scoreboard.Window run(boolean learning, Path out) throws Exception {
    EvalOptions options = new EvalOptions(fixture(), out, 2, learning, 0.6, 0.7, null, 0,
        AssistantSettings.defaults().minConfidence(),
        java.time.ZoneOffset.UTC);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new EvaluationHarness(options, embedder, quiet, quiet).run();
  }

  @Test
  void learningOn_answersALaterThreadFromAnEarlierResolution_andWritesTheReport() throws Exception {
    Path out = dir.resolve("on");
    Scoreboard.Window overall = run(true, out);

    assertThat(overall.vigil().threads()).isEqualTo(5);
    assertThat(overall.vigil().matching()).as("useful answers").isGreaterThanOrEqualTo(1);
    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    for (String key : List.of("answered_rate", "precision", "useful_rate", "mean_similarity", "references")) {
      assertThat(metrics.get("overall").has(key)).as(key).isTrue();
    }
    assertThat(metrics.get("overall").get("references").fieldNames()).toIterable()
        .containsExactly("chance", "nearest_question_memory", "oracle");
    assertThat(metrics.get("windows")).hasSize(3);
    List<String> threads = Files.readAllLines(out.resolve("threads.jsonl"));
    assertThat(threads).hasSize(5);
    JsonNode first = JSON.readTree(threads.get(0));
    assertThat(first.get("answered").asBoolean()).as("nothing known before the first thread").isFalse();
    assertThat(first.get("decision_reasons").toString()).contains("silent");
    assertThat(first.get("learning").toString()).contains("created");
    assertThat(threads.stream().map(this::json).filter(t -> t.get("match").asBoolean()))
        .allSatisfy(t -> assertThat(t.get("citations")).isNotEmpty());
    assertThat(Files.readString(out.resolve("report.md"))).contains("| **overall** | 5 |", "CC BY-SA 3.0",
        "## Operating curve", "| 0.10 |", "| **" + EvalReport.threshold(AssistantSettings.defaults().minConfidence()) + "** |");
    List<JsonNode> candidates = Files.readAllLines(out.resolve("candidates.jsonl")).stream().map(this::json).toList();
    assertThat(candidates).as("what the assistant weighed after learning from the first thread").isNotEmpty()
        .allSatisfy(c -> assertThat(c.get("features").size()).isEqualTo(AnswerabilityFeatures.NAMES.size()));
    JsonNode curve = metrics.get("operating_curve");
    JsonNode live = null;
    for (JsonNode point : curve) {
      if (point.get("min_confidence").asDouble() == AssistantSettings.defaults().minConfidence()) {
        live = point;
      }
    }
    assertThat(live).as("the run's own threshold is on the curve").isNotNull();
    assertThat(live.get("answered_rate").asDouble()).as("and reproduces the run's figures")
        .isEqualTo(metrics.get("overall").get("answered_rate").asDouble());
    assertThat(live.get("useful_rate").asDouble()).isEqualTo(metrics.get("overall").get("useful_rate").asDouble());
    assertThat(ImageIO.read(out.resolve(EvalReport.CHART).toFile()).getWidth()).isEqualTo(960);
  }

  @Test
  void learningOff_staysSilentOnAnEmptyIndex() throws Exception {
    Scoreboard.Window overall = run(false, dir.resolve("off"));
    assertThat(overall.vigil().answered()).isZero();
    assertThat(overall.oracleRate()).as("the references do not depend on learning").isGreaterThan(0);
  }

  private JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
