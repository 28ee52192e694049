package dev.vigil.workflows.learning;

import java.util.List;

/**
 * A generic, standalone question-and-answer pair extracted from a resolved case, ready to be written.
 *
 * @param key idempotency key ({@code <case key>#qa<n>}): the same pair is never written twice
 * @param messageIds the messages it was learned from (provenance)
 * @param source how it was extracted: {@code rules} or the LLM provider's name
 */
public record LearnedQa(String key, String question, String answer, String product, List<String> tags,
    List<String> messageIds, String source) {

  public LearnedQa {
    tags = tags == null ? List.of() : List.copyOf(tags);
    messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
  }
}
