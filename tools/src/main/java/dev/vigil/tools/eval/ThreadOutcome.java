package dev.vigil.tools.eval;

import java.util.List;

/**
 * What Vigil did on one replayed thread: the first answer it offered before the resolving message (null when it
 * stayed silent), its citations, every decision with its reason, and what learning did after the close.
 */
public record ThreadOutcome(String id, String question, String resolution, String answer, String delivery,
    List<String> citations, int suggestions, List<String> decisions, List<String> learning) {

  public boolean answered() {
    return answer != null;
  }
}
