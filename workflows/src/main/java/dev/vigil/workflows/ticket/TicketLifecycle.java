package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.ticket.TicketStatus.CLOSED;
import static dev.vigil.workflows.ticket.TicketStatus.ESCALATED;
import static dev.vigil.workflows.ticket.TicketStatus.NEW;
import static dev.vigil.workflows.ticket.TicketStatus.RESOLVED;
import static dev.vigil.workflows.ticket.TicketStatus.TRIAGED;
import static dev.vigil.workflows.ticket.TicketStatus.WAITING_ON_CUSTOMER;


/**
 * The ticket state machine, as a pure function of the current status and an event.
 *
 * <p>{@code new → triaged} once the ticket's facts are known; {@code → escalated} when a human takes it (escalation or
 * assignment) or the customer writes again while support owes the answer; {@code escalated → waiting_on_customer}
 * when an analyst replies; any open status {@code → resolved → closed}; {@code resolved|closed → reopened} goes back
 * to {@code escalated} when someone is assigned, else {@code triaged}. A closed ticket accepts only a reopen.
 */
public final class TicketLifecycle {

  private TicketLifecycle() {}

  /**
   * @param from the ticket's current status
   * @param event the event to apply
   * @param factsKnown whether the ticket's subject is known once this event's facts are merged
   * @param assigned whether an analyst is assigned once this event is applied
   */
  public static Transition next(TicketStatus from, TicketEvent event, boolean factsKnown, boolean assigned) {
    return next(from, event.type(), event.message() == null ? null : event.message().role(), factsKnown, assigned);
  }

  /**
   * The same, from what the state machine reads of an event: its type and, for a message, who wrote it.
   *
   * @param role the author's role of a posted message, null for other events
   */
  public static Transition next(TicketStatus from, TicketEventType type, Role role, boolean factsKnown,
      boolean assigned) {
    if (from == CLOSED && type != TicketEventType.REOPENED && type != TicketEventType.CREATED) {
      return Transition.reject(from, type.wireName() + " does not apply to a closed ticket; reopen it first");
    }
    return switch (type) {
      case CREATED -> from == NEW && factsKnown ? Transition.move(NEW, TRIAGED) : Transition.stay(from);
      case MESSAGE_POSTED -> afterMessage(from, role, factsKnown);
      case ESCALATED -> switch (from) {
        case NEW, TRIAGED, WAITING_ON_CUSTOMER -> Transition.move(from, ESCALATED);
        case ESCALATED -> Transition.stay(from);
        default -> Transition.reject(from, "a " + from.wireName() + " ticket cannot be escalated; reopen it first");
      };
      case ASSIGNED -> from == NEW || from == TRIAGED ? Transition.move(from, ESCALATED) : Transition.stay(from);
      case PRIORITY_CHANGED, ASSISTANT_PAUSED, ASSISTANT_RESUMED, SUGGESTION_DISMISSED, SUGGESTION_RATED ->
          Transition.stay(from);
      // an adopted or edited suggestion is the analyst's reply to the customer
      case SUGGESTION_ADOPTED, SUGGESTION_EDITED -> afterMessage(from, Role.ANALYST, factsKnown);
      case RESOLVED -> switch (from) {
        case NEW, TRIAGED, ESCALATED, WAITING_ON_CUSTOMER -> Transition.move(from, RESOLVED);
        default -> Transition.stay(from);
      };
      case CLOSED -> Transition.move(from, CLOSED);
      case REOPENED -> from == RESOLVED || from == CLOSED
          ? Transition.move(from, assigned ? ESCALATED : TRIAGED)
          : Transition.reject(from, "only a resolved or closed ticket can be reopened");
    };
  }

  private static Transition afterMessage(TicketStatus from, Role role, boolean factsKnown) {
    if (role == Role.CUSTOMER) {
      if (from == WAITING_ON_CUSTOMER) {
        return Transition.move(from, ESCALATED);
      }
      if (from == NEW && factsKnown) {
        return Transition.move(from, TRIAGED);
      }
      return Transition.stay(from);
    }
    if (role == Role.ANALYST) {
      return switch (from) {
        case NEW, TRIAGED, ESCALATED -> Transition.move(from, WAITING_ON_CUSTOMER);
        default -> Transition.stay(from);
      };
    }
    return Transition.stay(from);
  }
}
