package dev.vigil.workflows.progress;

import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * When a ticket owes its customer a progress update, and when its analysts owe the customer a reply. Pure: the
 * workflow computes these from its state after every change.
 */
public final class ProgressPolicy {

  /** Defaults: P1 every 30 min, P2 every 2 h, P3 every 8 h, P4 daily. */
  public static final Map<Priority, Duration> DEFAULT_CADENCE = Map.of(
      Priority.P1, Duration.ofMinutes(30), Priority.P2, Duration.ofHours(2),
      Priority.P3, Duration.ofHours(8), Priority.P4, Duration.ofDays(1));

  private ProgressPolicy() {}

  /** Whether the ticket waits on support (then the customer is owed updates). */
  public static boolean waitsOnSupport(TicketStatus status) {
    return status == TicketStatus.NEW || status == TicketStatus.TRIAGED || status == TicketStatus.ESCALATED;
  }

  /**
   * The next progress update: a cadence after the last thing the customer heard from support (an update, an
   * analyst's or Vigil's message) or the ticket's creation, moved out of the tenant's quiet hours; null when the
   * ticket does not wait on support.
   */
  public static Instant nextCheckIn(TicketStatus status, Priority priority, Instant createdAt,
      List<Message> messages, Instant lastUpdate, Map<Priority, Duration> cadence, QuietHours quiet) {
    if (!waitsOnSupport(status)) {
      return null;
    }
    Instant base = latest(latest(createdAt, lastFromSupport(messages)), lastUpdate);
    Instant due = base.plus(cadence.getOrDefault(priority, DEFAULT_CADENCE.get(priority)));
    return quiet == null ? due : quiet.adjust(due);
  }

  /** The oldest customer turn support has not answered yet, or null. */
  public static Message unansweredTurn(TicketStatus status, List<Message> messages) {
    if (!status.isOpen()) {
      return null;
    }
    Message oldest = null;
    for (Message m : messages) {
      if (m.role() == Role.CUSTOMER) {
        oldest = oldest == null ? m : oldest;
      } else if (m.role() == Role.ANALYST || m.role() == Role.VIGIL) {
        oldest = null;
      }
    }
    return oldest;
  }

  private static Instant lastFromSupport(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      Message m = messages.get(i);
      if ((m.role() == Role.ANALYST || m.role() == Role.VIGIL) && m.receivedAt() != null) {
        return m.receivedAt();
      }
    }
    return null;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
