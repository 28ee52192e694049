package dev.vigil.tools.eval;

import dev.vigil.activities.assistant.answerability.Assessment;
import java.util.List;

/**
 * What Vigil did on one replayed thread: the first answer it offered before the resolving message (null when it
 * stayed silent), its citations, every decision with its reason, what learning did after the close, and what the
 * assistant weighed before the resolving message (its assessments, in order).
 */
public record ThreadOutcome(String id, String question, String resolution, String answer, String delivery,
    List<String> citations, int suggestions, List<String> decisions, List<String> learning,
    List<Assessment> assessments) {

  public ThreadOutcome {
    assessments = assessments == null ? List.of() : List.copyOf(assessments);
  }

  public boolean answered() {
    return answer != null;
  }
}
