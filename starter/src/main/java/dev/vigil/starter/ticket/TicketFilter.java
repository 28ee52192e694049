package dev.vigil.starter.ticket;

/** Which tickets to list; null fields do not filter. */
public record TicketFilter(String status, String priority, String assignee, String tenant, int limit) {

  boolean matches(TicketSummary t) {
    return (status == null || status.equals(t.status()))
        && (priority == null || priority.equals(t.priority()))
        && (assignee == null || assignee.equals(t.assignee()))
        && (tenant == null || tenant.equals(t.tenant()));
  }
}
