package dev.vigil.starter.ticket;

import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketStatus;
import java.util.Arrays;

/** Which tickets to list; null fields do not filter; {@code source} is the ticketing system. */
public record TicketFilter(String status, String priority, String assignee, String tenant, int limit,
    String source) {
  public static final int MAX_LIMIT = 1_000;

  /** Tickets of every source. */
  public TicketFilter(String status, String priority, String assignee, String tenant, int limit) {
    this(status, priority, assignee, tenant, limit, null);
  }

  /** A filter from request parameters, of every source. */
  public static TicketFilter of(String status, String priority, String assignee, String tenant, int limit) {
    return of(status, priority, assignee, tenant, limit, null);
  }

  /** A filter from request parameters: blanks do not filter, unknown values are a clear error. */
  public static TicketFilter of(String status, String priority, String assignee, String tenant, int limit,
      String source) {
    status = blankToNull(status);
    priority = blankToNull(priority);
    String s = status;
    String p = priority;
    if (s != null && Arrays.stream(TicketStatus.values()).noneMatch(v -> v.wireName().equals(s))) {
      throw new IllegalArgumentException("status must be one of new, triaged, escalated, waiting_on_customer, "
          + "resolved, closed");
    }
    if (p != null && Arrays.stream(Priority.values()).noneMatch(v -> v.name().equals(p))) {
      throw new IllegalArgumentException("priority must be one of P1, P2, P3, P4");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    source = blankToNull(source);
    if (source != null && !TicketIds.SOURCE.matcher(source).matches()) {
      throw new IllegalArgumentException("source must be lower-case letters, digits and -, e.g. zendesk");
    }
    return new TicketFilter(status, priority, blankToNull(assignee), blankToNull(tenant), limit, source);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  boolean matches(TicketSummary t) {
    return (status == null || status.equals(t.status()))
        && (priority == null || priority.equals(t.priority()))
        && (assignee == null || assignee.equals(t.assignee()))
        && (tenant == null || tenant.equals(t.tenant()))
        && (source == null || source.equals(t.source()));
  }
}
