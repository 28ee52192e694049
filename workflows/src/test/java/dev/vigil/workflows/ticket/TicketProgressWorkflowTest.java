package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.progress.QuietHours;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timed progress updates and analyst reminders, with time skipping. */
class TicketProgressWorkflowTest {
  private final RecordingOutbound outbound = new RecordingOutbound();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  private void start(Instant at) {
    env = TicketWorkflowKit.newEnvironment(at, new RecordingLearningActivities(), new ScriptedAssistant(), outbound);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private static long updates(TicketView v) {
    return v.messages().stream().filter(m -> m.role() == Role.VIGIL).count();
  }

  @Test
  void givenP2TicketLeftUnanswered_theCustomerGetsAnUpdateEveryTwoHours_andTheViewShowsTheNext() {
    start(Instant.parse("2026-11-27T09:00:00Z"));
    String id = "P-" + UUID.randomUUID().toString().substring(0, 8);
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    deliver(client, settings, e.created("Exports fail", Priority.P2));
    TicketView created = awaitView(client, id, v -> v.nextCheckInAt() != null);
    assertThat(created.nextCheckInAt()).isEqualTo(created.createdAt().plus(Duration.ofHours(2)));

    env.sleep(Duration.ofMinutes(119));
    assertThat(updates(awaitView(client, id, v -> true))).as("not before two hours").isZero();
    env.sleep(Duration.ofMinutes(2));
    TicketView first = awaitView(client, id, v -> updates(v) == 1);
    assertThat(first.messages()).last().satisfies(m -> {
      assertThat(m.text()).startsWith("Update on your ticket \"Exports fail\"").contains("not assigned");
      Instant due = created.createdAt().plus(Duration.ofHours(2));
      assertThat(m.at()).as("sent when due").isBetween(due, due.plusSeconds(1));
    });
    assertThat(first.nextCheckInAt()).isEqualTo(first.messages().get(0).receivedAt().plus(Duration.ofHours(2)));

    env.sleep(Duration.ofHours(2));
    assertThat(updates(awaitView(client, id, v -> updates(v) == 2))).isEqualTo(2);
    env.sleep(Duration.ofSeconds(5));
    assertThat(outbound.delivered()).filteredOn(m -> m.kind() == OutboundKind.PROGRESS_UPDATE).hasSize(2)
        .allSatisfy(m -> assertThat(m.audience()).isEqualTo(Audience.CUSTOMER));
  }

  @Test
  void anAnalystReplyResetsTheCadence_andWaitingOnTheCustomerStopsIt() {
    start(Instant.parse("2026-11-27T09:00:00Z"));
    String id = "P-" + UUID.randomUUID().toString().substring(0, 8);
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    deliver(client, settings, e.created("Exports fail", Priority.P1));
    awaitView(client, id, v -> v.nextCheckInAt() != null);
    env.sleep(Duration.ofMinutes(20));
    deliver(client, settings, e.assigned("a-1", "Bob"));
    deliver(client, settings, analystAt(e, "m1", "Looking into it", env.currentTimeMillis()));
    TicketView waiting = awaitView(client, id, v -> v.status() == TicketStatus.WAITING_ON_CUSTOMER);
    assertThat(waiting.nextCheckInAt()).as("no updates while the customer owes the reply").isNull();

    deliver(client, settings, customerAt(e, "m2", "Still broken", env.currentTimeMillis()));
    TicketView escalated = awaitView(client, id, v -> v.status() == TicketStatus.ESCALATED
        && v.nextCheckInAt() != null);
    Instant analystReplied = Instant.ofEpochMilli(env.currentTimeMillis()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertThat(escalated.nextCheckInAt()).isBetween(analystReplied.plus(Duration.ofMinutes(29)),
        analystReplied.plus(Duration.ofMinutes(31)));
  }

  @Test
  void quietHoursPostponeTheUpdate() {
    start(Instant.parse("2026-11-27T21:00:00Z"));
    String id = "Q-" + UUID.randomUUID().toString().substring(0, 8);
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = new TicketSettings(2_000, 500, 1_000, 4_000, Duration.ofDays(7), null, null,
        Map.of("acme", new QuietHours(22, 6, "UTC")), null, null);
    deliver(client, settings, e.created("Night issue", Priority.P2));
    TicketView view = awaitView(client, id, v -> v.nextCheckInAt() != null);
    assertThat(view.nextCheckInAt()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
  }

  @Test
  void anUnansweredCustomerTurnRemindsAnalysts_thenEscalatesToOnCall() {
    start(Instant.parse("2026-11-27T09:00:00Z"));
    String id = "R-" + UUID.randomUUID().toString().substring(0, 8);
    TicketEvents e = new TicketEvents(id);
    TicketSettings settings = TicketSettings.defaults();
    deliver(client, settings, e.created("Login broken", Priority.P3));
    deliver(client, settings, customerAt(e, "m1", "Nobody can log in", env.currentTimeMillis()));
    env.sleep(Duration.ofMinutes(31));
    TicketView reminded = awaitView(client, id, v -> v.decisions().stream()
        .anyMatch(d -> d.action().equals("analyst reminder")));
    assertThat(reminded.decisions()).extracting(Decision::action).doesNotContain("escalated to on-call");
    env.sleep(Duration.ofMinutes(90));
    awaitView(client, id, v -> v.decisions().stream().anyMatch(d -> d.action().equals("escalated to on-call")));
    env.sleep(Duration.ofSeconds(5));
    assertThat(outbound.delivered()).extracting(OutboundMessage::audience).contains(Audience.ANALYST, Audience.ON_CALL);
  }

  private static TicketEvent customerAt(TicketEvents e, String id, String text, long millis) {
    TicketEvent base = e.customerSays(id, text);
    return new TicketEvent(base.eventId(), base.type(), Instant.ofEpochMilli(millis), base.ticket(), base.message(),
        null, null, null);
  }

  private static TicketEvent analystAt(TicketEvents e, String id, String text, long millis) {
    TicketEvent base = e.analystSays(id, text);
    return new TicketEvent(base.eventId(), base.type(), Instant.ofEpochMilli(millis), base.ticket(), base.message(),
        null, null, null);
  }
}
