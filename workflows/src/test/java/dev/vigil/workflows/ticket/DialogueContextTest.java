package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.DialogueTurn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueContextTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  private static Message m(String id, Role role, String text) {
    return new Message(id, role, role.wireName(), text, T, "e-" + id, T);
  }

  @Test
  void theCustomersAndAnalystsTurnsBeforeTheBatch_withoutVigilsOwnOrTheSystems() {
    Message problem = m("m1", Role.CUSTOMER, "Exports to S3 fail with AccessDenied since Monday");
    Message vigil = m("vigil-1", Role.VIGIL, "Check the bucket policy.");
    Message notice = m("n1", Role.SYSTEM, "Ticket assigned to Ana");
    Message question = m("m2", Role.ANALYST, "Did you rotate the access key?");
    Message followUp = m("m3", Role.CUSTOMER, "yes, still failing");
    List<Message> dialogue = List.of(problem, vigil, notice, question, followUp);

    assertThat(DialogueContext.before(dialogue, List.of(followUp))).containsExactly(
        new DialogueTurn(DialogueTurn.CUSTOMER, "Exports to S3 fail with AccessDenied since Monday"),
        new DialogueTurn(DialogueTurn.ANALYST, "Did you rotate the access key?"));
    assertThat(DialogueContext.before(dialogue, List.of(problem))).isEmpty();
  }

  @Test
  void isBounded_inTurnsAndInCharacters_keepingTheNewest() {
    List<Message> dialogue = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      dialogue.add(m("m" + i, i % 2 == 0 ? Role.CUSTOMER : Role.ANALYST, ("turn " + i + " ").repeat(500)));
    }
    Message batch = m("new", Role.CUSTOMER, "and now?");
    dialogue.add(batch);

    List<DialogueTurn> turns = DialogueContext.before(dialogue, List.of(batch));
    assertThat(turns).hasSize(DialogueContext.TURNS);
    assertThat(turns.get(turns.size() - 1).text()).startsWith("turn 19 ");
    assertThat(turns).allSatisfy(t -> assertThat(t.text()).hasSize(DialogueContext.CHARS));
  }

  @Test
  void aBatchNoLongerInTheDialogue_isNeverReadAsItsOwnContext() {
    Message kept = m("m1", Role.CUSTOMER, "The dashboard shows no data");
    Message batched = m("m2", Role.CUSTOMER, "still empty");
    assertThat(DialogueContext.before(List.of(kept, batched), List.of(batched)))
        .containsExactly(new DialogueTurn(DialogueTurn.CUSTOMER, "The dashboard shows no data"));
    assertThat(DialogueContext.before(List.of(kept), List.of(batched)))
        .containsExactly(new DialogueTurn(DialogueTurn.CUSTOMER, "The dashboard shows no data"));
  }
}
