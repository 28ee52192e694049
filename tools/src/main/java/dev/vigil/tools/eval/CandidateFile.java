package dev.vigil.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.activities.assistant.answerability.AnswerabilityFeatures;
import dev.vigil.activities.assistant.answerability.AnswerabilityFit;
import dev.vigil.activities.assistant.answerability.AnswerabilityModel;
import dev.vigil.activities.assistant.answerability.Repeats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation's {@code candidates.jsonl} read back: per thread (file order), per assessment, the candidates with
 * their features and their passage's cosine to the thread's resolution. What the answerability model is fitted on
 * and validated against.
 */
public record CandidateFile(Path path, List<List<List<Row>>> threads) {

  /** One candidate: its features and its passage's cosine to the resolution. */
  public record Row(AnswerabilityFeatures features, double cosine) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static CandidateFile read(Path path) throws IOException {
    Map<String, Map<Integer, List<Row>>> byThread = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode json = JSON.readTree(line);
      if (!json.hasNonNull("thread") || !json.has("assessment") || !json.hasNonNull("cosine")
          || !json.path("features").isObject()) {
        throw new IllegalArgumentException(path + " line " + lineNo
            + ": expected thread, assessment, cosine and features (an evaluation's candidates.jsonl)");
      }
      Map<String, Double> features = new HashMap<>();
      json.get("features").fields().forEachRemaining(f -> features.put(f.getKey(), f.getValue().asDouble()));
      byThread.computeIfAbsent(json.get("thread").asText(), t -> new LinkedHashMap<>())
          .computeIfAbsent(json.get("assessment").asInt(), a -> new ArrayList<>())
          .add(new Row(AnswerabilityFeatures.of(features), json.get("cosine").asDouble()));
    }
    List<List<List<Row>>> threads = new ArrayList<>();
    byThread.values().forEach(assessments -> threads.add(new ArrayList<>(assessments.values())));
    return new CandidateFile(path, threads);
  }

  /** Every candidate as a fitting example, labelled a match at cosine ≥ τ. */
  public List<AnswerabilityFit.Example> examples(double tau) {
    List<AnswerabilityFit.Example> examples = new ArrayList<>();
    threads.forEach(t -> t.forEach(a -> a.forEach(r -> examples.add(
        new AnswerabilityFit.Example(r.features(), r.cosine() >= tau)))));
    return examples;
  }

  private static OperatingCurve.Scored scored(AnswerabilityModel model, Row row) {
    double probability = model.probability(row.features());
    return new OperatingCurve.Scored(probability,
        Repeats.confidence(probability, row.features().get("question_cosine")), row.cosine());
  }

  /** The operating curve of {@code model} on these threads, repeats lifted as the assistant lifts them. */
  public List<OperatingCurve.Point> curve(AnswerabilityModel model, List<Double> thresholds, double tau) {
    return OperatingCurve.of(threads.stream().map(t -> t.stream().map(a -> a.stream()
        .map(r -> scored(model, r)).toList()).toList())
        .toList(), thresholds, tau);
  }
}
