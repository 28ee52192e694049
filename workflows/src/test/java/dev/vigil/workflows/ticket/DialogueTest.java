package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DialogueTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private static Message message(String id, Role role, String text, int minute) {
    return new Message(id, role, "someone", text, T0.plusSeconds(60L * minute), "e-" + id, T0);
  }

  @Test
  void eachMessageIdOnce_andALateMessageTakesItsPlace() {
    Dialogue dialogue = new Dialogue(10);
    assertThat(dialogue.receive(message("m1", Role.CUSTOMER, "first", 1), false)).isNotNull();
    assertThat(dialogue.receive(message("m3", Role.ANALYST, "third", 3), false)).isNotNull();
    assertThat(dialogue.receive(message("m1", Role.CUSTOMER, "again", 1), false)).isNull();
    dialogue.receive(message("m2", Role.CUSTOMER, "second", 2), true);
    assertThat(dialogue.messages()).extracting(Message::id).containsExactly("m1", "m2", "m3");
    assertThat(dialogue.analystRepliedAfter("m2")).isTrue();
    assertThat(dialogue.analystRepliedAfter("m3")).isFalse();
  }

  @Test
  void boundedByItsCapacityAndBytes_vigilsOwnMessagesIncluded_newestKept() {
    Dialogue dialogue = new Dialogue(3);
    for (int i = 0; i < 4; i++) {
      dialogue.receive(message("m" + i, Role.CUSTOMER, "hi", i), false);
    }
    dialogue.append(message("vigil-S1", Role.VIGIL, "x".repeat(TicketBudget.MESSAGE_CHARS * 2), 9));
    assertThat(dialogue.messages()).extracting(Message::id).containsExactly("m2", "m3", "vigil-S1");
    assertThat(dialogue.dropped()).isEqualTo(2);
    assertThat(dialogue.messages().get(2).text()).hasSizeLessThanOrEqualTo(TicketBudget.MESSAGE_CHARS);

    Dialogue heavy = new Dialogue(1_000);
    for (int i = 0; i < 40; i++) {
      heavy.receive(message("h" + i, Role.CUSTOMER, "界".repeat(TicketBudget.MESSAGE_CHARS), i), false);
    }
    int bytes = heavy.messages().stream().mapToInt(Dialogue::cost).sum();
    assertThat(bytes).isLessThanOrEqualTo(TicketBudget.DIALOGUE_BYTES);
    assertThat(heavy.messages()).last().extracting(Message::id).isEqualTo("h39");
    assertThat(heavy.messages().size() + heavy.dropped()).isEqualTo(40);
  }

  @Test
  void theOldestUnansweredCustomerTurn_onAnOpenTicket() {
    Dialogue dialogue = new Dialogue(10);
    dialogue.receive(message("m1", Role.CUSTOMER, "q", 1), false);
    dialogue.receive(message("m2", Role.ANALYST, "a", 2), false);
    dialogue.receive(message("m3", Role.CUSTOMER, "q2", 3), false);
    dialogue.receive(message("m4", Role.CUSTOMER, "q3", 4), false);
    assertThat(dialogue.unansweredTurn(TicketStatus.ESCALATED)).extracting(Message::id).isEqualTo("m3");
    assertThat(dialogue.unansweredTurn(TicketStatus.RESOLVED)).isNull();
  }

  @Test
  void aDialogueKeepsAtLeastOneMessage() {
    assertThatThrownBy(() -> new Dialogue(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
