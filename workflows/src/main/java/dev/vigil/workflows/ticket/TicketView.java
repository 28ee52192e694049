package dev.vigil.workflows.ticket;

import java.time.Instant;
import java.util.List;

/** An immutable snapshot of a ticket as its workflow knows it: what the query returns and the UI and API render. */
public record TicketView(
    String ticketId,
    String workflowId,
    TicketStatus status,
    String subject,
    String description,
    Priority priority,
    String product,
    Customer customer,
    Analyst assignee,
    boolean assistantPaused,
    List<Message> messages,
    int messagesDropped,
    List<Suggestion> suggestions,
    List<Decision> decisions,
    int decisionsDropped,
    List<TimelineEntry> timeline,
    String resolutionNote,
    Instant nextCheckInAt,
    List<LearningRun> learningRuns,
    List<Alert> alerts,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    Instant closedAt,
    long eventsApplied,
    long duplicateEventsIgnored,
    long eventsRejected,
    int continuedAsNew) {

  /** The latest learning run, or null while the ticket has never closed. */
  public LearningRun learning() {
    return learningRuns.isEmpty() ? null : learningRuns.get(learningRuns.size() - 1);
  }
}
