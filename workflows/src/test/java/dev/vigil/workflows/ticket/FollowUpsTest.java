package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.progress.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final FollowUps.Policy POLICY = new FollowUps.Policy(Map.of(Priority.P1, Duration.ofMinutes(30)),
      Map.of("night", new QuietHours(9, 12, "UTC")),
      Duration.ofMinutes(10), Duration.ofHours(1));

  @Test
  void progressIsDueACadenceAfterTheLastUpdate_onlyWhileTheTicketWaitsOnSupport() {
    FollowUps followUps = new FollowUps(POLICY);
    followUps.refresh(TicketStatus.TRIAGED, Priority.P1, "acme", T0, List.of());
    assertThat(followUps.nextCheckInAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(followUps.progressSent(T0.plus(Duration.ofMinutes(31)))).isEqualTo("progress-1");
    followUps.refresh(TicketStatus.TRIAGED, Priority.P1, "acme", T0, List.of());
    assertThat(followUps.nextCheckInAt()).isEqualTo(T0.plus(Duration.ofMinutes(61)));
    assertThat(followUps.progressSent(T0.plus(Duration.ofMinutes(62)))).isEqualTo("progress-2");
    followUps.refresh(TicketStatus.WAITING_ON_CUSTOMER, Priority.P1, "acme", T0, List.of());
    assertThat(followUps.nextCheckInAt()).isNull();
  }

  @Test
  void theTenantsQuietHoursMoveTheUpdate_andOtherPrioritiesUseTheDefaultCadence() {
    FollowUps followUps = new FollowUps(POLICY);
    followUps.refresh(TicketStatus.TRIAGED, Priority.P1, "night", T0, List.of());
    assertThat(followUps.nextCheckInAt()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(followUps.cadenceOf(Priority.P4)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void anUnansweredTurnIsRemindedOnce_thenEscalatedOnce() {
    FollowUps followUps = new FollowUps(POLICY);
    Message turn = new Message("m1", Role.CUSTOMER, "c", "help", T0, "e1", T0);
    assertThat(followUps.reminderDueAt(null)).isNull();
    assertThat(followUps.reminderDueAt(turn)).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(followUps.remind(turn)).isEqualTo(OutboundKind.REMINDER);
    assertThat(followUps.reminderDueAt(turn)).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(followUps.remind(turn)).isEqualTo(OutboundKind.ESCALATION);
    assertThat(followUps.reminderDueAt(turn)).isNull();
    assertThat(followUps.waitedBefore(OutboundKind.ESCALATION)).isEqualTo(Duration.ofHours(1));
  }
}
