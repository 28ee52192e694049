package dev.vigil.workflows.ticket;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of a ticket as its workflow knows it: what the query returns and the UI and API render.
 * Bounded by {@link TicketBudget}; the {@code …Dropped} counts say how many of the oldest items were let go.
 */
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
    int continuedAsNew,
    int suggestionsDropped,
    int timelineDropped,
    int alertsDropped) {

  /** A view without drop counts: tickets built outside a workflow (history imports, fixtures) drop nothing. */
  public TicketView(String ticketId, String workflowId, TicketStatus status, String subject, String description,
      Priority priority, String product, Customer customer, Analyst assignee, boolean assistantPaused,
      List<Message> messages, int messagesDropped, List<Suggestion> suggestions, List<Decision> decisions,
      int decisionsDropped, List<TimelineEntry> timeline, String resolutionNote, Instant nextCheckInAt,
      List<LearningRun> learningRuns, List<Alert> alerts, Instant createdAt, Instant updatedAt, Instant resolvedAt,
      Instant closedAt, long eventsApplied, long duplicateEventsIgnored, long eventsRejected, int continuedAsNew) {
    this(ticketId, workflowId, status, subject, description, priority, product, customer, assignee, assistantPaused,
        messages, messagesDropped, suggestions, decisions, decisionsDropped, timeline, resolutionNote, nextCheckInAt,
        learningRuns, alerts, createdAt, updatedAt, resolvedAt, closedAt, eventsApplied, duplicateEventsIgnored,
        eventsRejected, continuedAsNew, 0, 0, 0);
  }

  /** How many events the ticket has processed (applied, rejected or recognised as repeats): its version. */
  public long version() {
    return eventsApplied + duplicateEventsIgnored + eventsRejected;
  }

  /** The latest learning run, or null while the ticket has never closed. */
  public LearningRun learning() {
    return learningRuns.isEmpty() ? null : learningRuns.get(learningRuns.size() - 1);
  }
}
