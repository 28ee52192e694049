package dev.vigil.workflows.learning;

import java.util.List;

/**
 * The review of one of Vigil's own answers against what happened next.
 *
 * @param key idempotency key ({@code <case key>#review:<suggestion id>})
 * @param verdict {@code keep} (raise the cited entries' support), {@code modify} (write {@code correctedAnswer} as the
 *     corrected entry) or {@code delete} (retire the cited entries that proved wrong)
 * @param feedback the analyst's signal the verdict rests on: adopted, edited, dismissed, answered, liked, disliked,
 *     or matched (the human resolution agreed)
 */
public record ReviewVerdict(String key, String suggestionId, List<String> entryIds, String verdict,
    String correctedAnswer, String feedback, String reason) {

  public static final String KEEP = "keep";
  public static final String MODIFY = "modify";
  public static final String DELETE = "delete";

  /**
   * The key of the review of suggestion {@code suggestionId} made while its ticket was still open: the review at
   * closure finds it in the cited entries' history and does not judge the same answer twice.
   */
  public static String earlyKey(String ticketWorkflowId, String suggestionId) {
    return ticketWorkflowId + "#early-review:" + suggestionId;
  }

  public ReviewVerdict {
    entryIds = entryIds == null ? List.of() : List.copyOf(entryIds);
  }
}
