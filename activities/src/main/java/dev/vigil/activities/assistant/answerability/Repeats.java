package dev.vigil.activities.assistant.answerability;

/**
 * Repeats of a question an entry already answers. The answerability model cannot learn them from development threads
 * that hardly repeat, and answering a repeat of a resolved question is what learning exists for; so a candidate whose
 * question the query repeats is answerable with that cosine as its confidence. The model still ranks: a repeat is
 * offered when no candidate the model ranks above it is confident enough, so a near-topic question never displaces a
 * better answer (on the development threads, questions at cosine 0.7–0.8 mostly had different accepted answers).
 */
public final class Repeats {
  /**
   * A query this close (cosine) to an entry's question asks what that entry's question asked; also where the
   * evaluation's nearest-question memory treats two questions as the same.
   */
  public static final double QUESTION_COSINE = 0.7;

  private Repeats() {}

  /** The confidence of a candidate with this model probability and this cosine of the query to its question. */
  public static double confidence(double probability, double questionCosine) {
    return questionCosine >= QUESTION_COSINE ? Math.max(probability, questionCosine) : probability;
  }
}
