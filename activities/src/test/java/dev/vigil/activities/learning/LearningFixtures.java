package dev.vigil.activities.learning;

import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.ClosedTicket;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.VigilAnswer;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Rating;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Instant;
import java.util.List;

/** Closed tickets and learning cases for the learning tests, built the way the ticket workflow hands them over. */
final class LearningFixtures {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private LearningFixtures() {}

  static Message customerSays(String id, String author, String text) {
    return new Message(id, Role.CUSTOMER, author, text, T0, null, T0);
  }

  static Message analystSays(String id, String author, String text) {
    return new Message(id, Role.ANALYST, author, text, T0, null, T0);
  }

  static Suggestion suggestion(String id, String text, List<String> citations, SuggestionState state,
      Rating rating) {
    return new Suggestion(id, text, citations, 0.8, state, T0, rating, null, null);
  }

  /** A closed ticket as the ticket workflow hands it to learning (first closing, source {@code desk}). */
  static ClosedTicket closed(String ticketId, String subject, String product, Customer customer, Analyst assignee,
      List<Message> messages, List<Suggestion> suggestions, String resolutionNote) {
    String workflowId = TicketIds.workflowId("desk", ticketId);
    TicketView view = new TicketView(ticketId, workflowId, TicketStatus.CLOSED, subject, null, null, product,
        customer, assignee, false, messages, 0, suggestions, List.of(), 0, List.of(), resolutionNote, null, List.of(),
        List.of(), T0, T0, T0, T0, messages.size(), 0, 0, 0);
    return new ClosedTicket(workflowId, 1, view);
  }

  static CaseTurn customer(String id, String text) {
    return new CaseTurn(id, "customer", text);
  }

  static CaseTurn analyst(String id, String text) {
    return new CaseTurn(id, "analyst", text);
  }

  /** An already prepared (redacted) case with an active-entry policy. */
  static LearningCase learningCase(String ticketId, String tenant, String scope, String product, String subject,
      List<CaseTurn> turns, String resolutionNote, List<VigilAnswer> answers) {
    return new LearningCase(ticketId, "ticket:desk:" + ticketId + "#1", tenant, scope, "active", product, subject,
        List.of(), turns, resolutionNote, answers, 0);
  }
}
