package dev.vigil.activities.assistant.answerability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A logistic regression over {@link AnswerabilityFeatures}: the probability that an answer from the candidate
 * matches what a human would have answered. Features are standardised ({@code (x - mean) / scale}) before the
 * weights apply. The coefficients are fitted on the development data ({@code ./vigil fit-answerability}) and versioned
 * as the resource {@value #RESOURCE}; a feature the model does not name weighs nothing, so features can be added
 * before a refit.
 *
 * @param means per feature, in {@link AnswerabilityFeatures#NAMES} order
 * @param scales per feature (positive)
 * @param weights per feature, on the standardised value
 * @param intercept the log-odds of a match at the mean of every feature
 * @param provenance how the coefficients were obtained (data, regularisation, date), for the record
 */
public record AnswerabilityModel(double[] means, double[] scales, double[] weights, double intercept,
    String provenance) {
  public static final String RESOURCE = "/dev/vigil/activities/assistant/answerability.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public AnswerabilityModel {
    int n = AnswerabilityFeatures.NAMES.size();
    if (means.length != n || scales.length != n || weights.length != n) {
      throw new IllegalArgumentException("the model needs " + n + " means, scales and weights");
    }
    for (double s : scales) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("feature scales must be positive");
      }
    }
    means = means.clone();
    scales = scales.clone();
    weights = weights.clone();
  }

  /** The calibrated probability of a matching answer. */
  public double probability(AnswerabilityFeatures features) {
    double[] x = features.values();
    double z = intercept;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * (x[i] - means[i]) / scales[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The model Vigil ships ({@value #RESOURCE}). */
  public static AnswerabilityModel shipped() {
    try (InputStream in = AnswerabilityModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("answerability model " + RESOURCE + " missing from the class path");
      }
      return read(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public static AnswerabilityModel read(Path file) {
    try {
      return read(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read answerability model " + file, e);
    }
  }

  static AnswerabilityModel read(JsonNode json) {
    JsonNode features = json.path("features");
    int n = AnswerabilityFeatures.NAMES.size();
    double[] means = new double[n];
    double[] scales = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      JsonNode f = features.path(AnswerabilityFeatures.NAMES.get(i));
      means[i] = f.path("mean").asDouble(0);
      scales[i] = f.path("scale").asDouble(1);
      weights[i] = f.path("weight").asDouble(0);
    }
    List<String> unknown = new ArrayList<>();
    features.fieldNames().forEachRemaining(name -> {
      if (!AnswerabilityFeatures.NAMES.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("answerability model names unknown features " + unknown);
    }
    if (!json.has("intercept")) {
      throw new IllegalArgumentException("answerability model has no intercept");
    }
    return new AnswerabilityModel(means, scales, weights, json.get("intercept").asDouble(),
        json.path("provenance").asText(""));
  }

  public void write(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("provenance", provenance);
    root.put("intercept", intercept);
    ObjectNode features = root.putObject("features");
    for (int i = 0; i < weights.length; i++) {
      ObjectNode f = features.putObject(AnswerabilityFeatures.NAMES.get(i));
      f.put("mean", means[i]);
      f.put("scale", scales[i]);
      f.put("weight", weights[i]);
    }
    try {
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write answerability model " + file, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnswerabilityModel m && java.util.Arrays.equals(means, m.means)
        && java.util.Arrays.equals(scales, m.scales) && java.util.Arrays.equals(weights, m.weights)
        && intercept == m.intercept && provenance.equals(m.provenance);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(weights) * 31 + Double.hashCode(intercept);
  }
}
