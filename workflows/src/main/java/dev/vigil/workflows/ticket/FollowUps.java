package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.progress.ProgressPolicy;
import dev.vigil.workflows.progress.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the ticket owes on a schedule: progress updates to a customer waiting on support (at the priority's cadence,
 * outside the tenant's quiet hours), and a reminder to the analysts, then an escalation to on-call, when a customer
 * turn goes unanswered. Holds only times and two turn ids, so it needs no bound of its own; its policy comes from the
 * ticket's settings once, when the ticket opens.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class FollowUps {

  /** The schedule's settings: progress cadence by priority, quiet hours by tenant, reminder and escalation times. */
  public record Policy(Map<Priority, Duration> cadence, Map<String, QuietHours> quietHours, Duration reminderAfter,
      Duration escalateAfter) {

    static Policy of(TicketSettings settings) {
      return new Policy(settings.progressCadence(), settings.quietHours(), settings.reminderAfter(),
          settings.escalateAfter());
    }

    Duration cadenceOf(Priority priority) {
      return cadence.getOrDefault(priority, ProgressPolicy.DEFAULT_CADENCE.get(priority));
    }
  }

  private Policy policy;
  private Instant nextCheckInAt;
  private Instant lastProgressAt;
  private int progressCount;
  private String remindedTurnId;
  private String escalatedTurnId;

  /** For Jackson. */
  FollowUps() {}

  FollowUps(Policy policy) {
    this.policy = policy;
  }

  /**
   * Recomputes when the customer is owed the next progress update: null when the ticket in {@code status} does not
   * wait on support.
   */
  void refresh(TicketStatus status, Priority priority, String tenant, Instant createdAt, List<Message> messages) {
    nextCheckInAt = ProgressPolicy.nextCheckIn(status, priority, createdAt, messages, lastProgressAt,
        policy.cadence(), tenant == null ? null : policy.quietHours().get(tenant));
  }

  Instant nextCheckInAt() {
    return nextCheckInAt;
  }

  /** When the last progress update went out, or null. */
  Instant lastProgressAt() {
    return lastProgressAt;
  }

  /** Records a progress update sent at {@code now}; returns its message id (progress-1, progress-2, …). */
  String progressSent(Instant now) {
    lastProgressAt = now;
    return Message.PROGRESS_PREFIX + (++progressCount);
  }

  Duration cadenceOf(Priority priority) {
    return policy.cadenceOf(priority);
  }

  /** When the analysts must be reminded of the unanswered {@code turn}, or escalated; null when neither is owed. */
  Instant reminderDueAt(Message turn) {
    if (turn == null || turn.receivedAt() == null) {
      return null;
    }
    if (!turn.id().equals(remindedTurnId)) {
      return turn.receivedAt().plus(policy.reminderAfter());
    }
    if (!turn.id().equals(escalatedTurnId)) {
      return turn.receivedAt().plus(policy.escalateAfter());
    }
    return null;
  }

  /** Records the reminder due on {@code turn}: {@link OutboundKind#REMINDER} first, then {@code ESCALATION}. */
  OutboundKind remind(Message turn) {
    if (!turn.id().equals(remindedTurnId)) {
      remindedTurnId = turn.id();
      return OutboundKind.REMINDER;
    }
    escalatedTurnId = turn.id();
    return OutboundKind.ESCALATION;
  }

  /** How long a turn waited before {@code kind} (a reminder or an escalation) was due. */
  Duration waitedBefore(OutboundKind kind) {
    return kind == OutboundKind.REMINDER ? policy.reminderAfter() : policy.escalateAfter();
  }
}
