package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.DialogueTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dialogue a batch of customer turns was written in, as the understanding step reads it: a follow-up ("still
 * failing after the update") is understood with the problem it follows up on and the analyst's question it may
 * answer. Pure and bounded, so the assistant's activity input stays small whatever the ticket holds.
 */
final class DialogueContext {
  /** The customer's and analysts' turns kept before the batch, newest last. */
  static final int TURNS = 6;
  /** Each turn's text is cut here: the rewrite reads about 40 words of the problem and the analyst's last question. */
  static final int CHARS = 1_000;

  private DialogueContext() {}

  /**
   * The customer's and analysts' turns before the first message of {@code batch} in {@code dialogue} (oldest
   * first); Vigil's own messages and the ticketing system's notices are not part of the conversation it reads.
   */
  static List<DialogueTurn> before(List<Message> dialogue, List<Message> batch) {
    Set<String> batched = batch.stream().map(Message::id).collect(Collectors.toSet());
    int end = dialogue.size();
    for (int i = 0; i < dialogue.size(); i++) {
      if (batched.contains(dialogue.get(i).id())) {
        end = i;
        break;
      }
    }
    List<DialogueTurn> turns = new ArrayList<>();
    for (int i = end - 1; i >= 0 && turns.size() < TURNS; i--) {
      Message m = dialogue.get(i);
      if ((m.role() == Role.CUSTOMER || m.role() == Role.ANALYST) && !batched.contains(m.id())) {
        String text = m.text().length() > CHARS ? m.text().substring(0, CHARS) : m.text();
        turns.add(0, new DialogueTurn(m.role() == Role.CUSTOMER ? DialogueTurn.CUSTOMER : DialogueTurn.ANALYST,
            text));
      }
    }
    return turns;
  }
}
