package dev.vigil.activities.assistant.answerability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the answerability model sees of one candidate entry for one query, all computable in process: the query's
 * cosine to the entry's question, answer and selected passage; how the retrievers ranked it (BM25 rank and score,
 * fused rank, how many legs found it); its margin over the other candidates; its track record (support, adoptions,
 * dismissals); lengths; whether it was learned from a ticket; and how much the other candidates' answers agree with
 * its answer (when the entries retrieved for a question say the same thing, the question is one the knowledge
 * covers).
 */
public record AnswerabilityFeatures(double[] values) {
  public static final List<String> NAMES = List.of(
      "best_cosine", "question_cosine", "answer_cosine", "passage_cosine", "has_question",
      "bm25_reciprocal_rank", "bm25_score_log", "fused_reciprocal_rank", "legs", "margin",
      "support_log", "adopted_log", "dismissed_log", "query_words_log", "answer_words_log", "learned", "answer_consensus");

  public AnswerabilityFeatures {
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " feature values, got " + values.length);
    }
    values = values.clone();
  }

  /** The features by name; missing names count as 0. */
  public static AnswerabilityFeatures of(Map<String, Double> byName) {
    double[] v = new double[NAMES.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = byName.getOrDefault(NAMES.get(i), 0.0);
    }
    return new AnswerabilityFeatures(v);
  }

  public double get(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown feature " + name);
    }
    return values[i];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public Map<String, Double> byName() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(NAMES.get(i), values[i]);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnswerabilityFeatures f && java.util.Arrays.equals(values, f.values);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return byName().toString();
  }
}
