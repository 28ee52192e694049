package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private static Outbox.PendingSend send(String key, int chars) {
    return new Outbox.PendingSend(new OutboundMessage("ticket:desk:T-1/" + key, "T-1", OutboundKind.ANSWER,
        Audience.CUSTOMER,         "a".repeat(chars), key, T0), T0.plusSeconds(86_400));
  }

  @Test
  void aSendStaysPendingUntilSettled_andTheSameKeyIsOneSend() {
    Outbox outbox = new Outbox();
    outbox.add(send("k1", 10));
    outbox.add(send("k1", 10));
    assertThat(outbox.pending()).hasSize(1);
    assertThat(outbox.isPending("ticket:desk:T-1/k1")).isTrue();
    outbox.settle("ticket:desk:T-1/k1");
    assertThat(outbox.pending()).isEmpty();
    assertThat(outbox.abandoned()).isZero();
  }

  @Test
  void pastItsBoundTheOldestSendsAreGivenUp_neverTheNewest() {
    Outbox outbox = new Outbox();
    for (int i = 0; i < TicketBudget.PENDING_SENDS; i++) {
      assertThat(outbox.add(send("k" + i, 10))).isEmpty();
    }
    assertThat(outbox.add(send("one-more", 10))).extracting(Outbox.PendingSend::key)
        .containsExactly("ticket:desk:T-1/k0");
    assertThat(outbox.add(send("huge", TicketBudget.PENDING_SENDS_BYTES * 2))).hasSize(TicketBudget.PENDING_SENDS);
    assertThat(outbox.pending()).extracting(Outbox.PendingSend::key).containsExactly("ticket:desk:T-1/huge");
    assertThat(outbox.abandoned()).isEqualTo(1 + TicketBudget.PENDING_SENDS);
  }
}
