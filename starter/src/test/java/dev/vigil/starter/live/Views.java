package dev.vigil.starter.live;

import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Decision;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TimelineEntry;
import java.time.Instant;
import java.util.List;

/** Ticket views for tests of what pages render from them. */
public final class Views {
  private Views() {}

  public static TicketView view(TicketStatus status, Instant createdAt, List<Message> messages,
      List<Suggestion> suggestions, List<Decision> decisions, List<TimelineEntry> timeline) {
    return new TicketView("T-1", "ticket:desk:T-1", status, "Subject", "", Priority.P2, "storage",
        new Customer("c1", "acme", "Ada", "ada@example.com"), null, false, messages, 0, suggestions, decisions, 0,
        timeline, null, null, List.of(), List.of(), createdAt, createdAt, null, null, 1, 0, 0, 0);
  }

  public static TicketView with(TicketView v, TicketStatus status) {
    return new TicketView(v.ticketId(), v.workflowId(), status, v.subject(), v.description(), v.priority(),
        v.product(), v.customer(), v.assignee(), v.assistantPaused(), v.messages(), v.messagesDropped(),
        v.suggestions(), v.decisions(), v.decisionsDropped(), v.timeline(), v.resolutionNote(), v.nextCheckInAt(),
        v.learningRuns(), v.alerts(), v.createdAt(), v.updatedAt(), v.resolvedAt(), v.closedAt(), v.eventsApplied(),
        v.duplicateEventsIgnored(), v.eventsRejected(), v.continuedAsNew());
  }
}
