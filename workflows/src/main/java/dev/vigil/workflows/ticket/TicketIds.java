package dev.vigil.workflows.ticket;

import java.util.regex.Pattern;

/** Derives Temporal workflow ids from the ticketing system's identifiers, so every caller agrees on them. */
public final class TicketIds {
  /** Ticket ids from the ticketing system: printable, no whitespace or slashes, at most 128 characters. */
  public static final Pattern TICKET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:#-]{0,127}");

  /** Sources name the ticketing system (e.g. {@code zendesk}); they keep two systems' ids apart. */
  public static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private TicketIds() {}

  public static boolean isValidTicketId(String ticketId) {
    return ticketId != null && TICKET_ID.matcher(ticketId).matches();
  }

  /** The workflow id of a ticket: {@code ticket:<source>:<ticketId>}. */
  public static String workflowId(String source, String ticketId) {
    if (source == null || !SOURCE.matcher(source).matches()) {
      throw new IllegalArgumentException("invalid ticket source: " + source);
    }
    if (!isValidTicketId(ticketId)) {
      throw new IllegalArgumentException("invalid ticket id: " + ticketId);
    }
    return "ticket:" + source + ":" + ticketId;
  }

  /** The source part of a ticket workflow id ({@code ticket:<source>:<id>}), or null for an id of another shape. */
  public static String sourceOf(String workflowId) {
    if (workflowId == null || !workflowId.startsWith("ticket:")) {
      return null;
    }
    int end = workflowId.indexOf(':', "ticket:".length());
    return end < 0 ? null : workflowId.substring("ticket:".length(), end);
  }

  /** The id of the learning workflow started when a ticket closes for the {@code closeCount}-th time. */
  public static String learningWorkflowId(String ticketWorkflowId, int closeCount) {
    return learningPrefix(ticketWorkflowId) + closeCount;
  }

  /** Whether {@code workflowId} is one of the learning workflows of the ticket {@code ticketWorkflowId}. */
  public static boolean isLearningOf(String workflowId, String ticketWorkflowId) {
    String prefix = learningPrefix(ticketWorkflowId);
    return workflowId.startsWith(prefix) && workflowId.length() > prefix.length()
        && workflowId.substring(prefix.length()).chars().allMatch(Character::isDigit);
  }

  /** What the ids of a ticket's learning workflows start with. */
  public static String learningPrefix(String ticketWorkflowId) {
    return "learning:" + ticketWorkflowId.substring("ticket:".length()) + ":";
  }
}
