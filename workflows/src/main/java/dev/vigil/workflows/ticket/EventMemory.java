package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * What the ticket remembers of the events it processed: a fingerprint of each of the last {@code capacity} event ids
 * ({@code vigil.ticket.max-remembered-event-ids}) with the fingerprint of what it asked for, so each id applies once
 * and a key reused for another action is refused; and the {@link SourceOrder} log, so a late event from the
 * ticketing system is applied where it belongs (at most {@link TicketBudget#SOURCE_ORDER_ENTRIES} entries).
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class EventMemory {
  private int capacity;
  /** Fingerprints of the remembered event ids, each with the fingerprint of what its event asked for. */
  private LinkedHashMap<String, String> remembered = new LinkedHashMap<>();
  private SourceOrder sourceOrder;

  /** For Jackson. */
  EventMemory() {}

  /** A memory of {@code capacity} event ids, logging source order from the ticket as it stands at {@code base}. */
  EventMemory(int capacity, TicketStatus status, TicketFacts facts, Analyst assignee) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the event memory keeps at least one id");
    }
    this.capacity = capacity;
    this.sourceOrder = SourceOrder.startingFrom(status, facts, assignee);
  }

  /** Whether an event with this id was already processed (within the memory's reach). */
  boolean seen(TicketEvent event) {
    return remembered.containsKey(EventFingerprint.of(event.eventId()));
  }

  /**
   * Why an analyst's action cannot be taken under its event id (the caller's idempotency key): the id was already
   * used for a different action. Null when the id is new, or a retry of the same action.
   */
  String conflictOf(TicketEvent event) {
    String content = remembered.get(EventFingerprint.of(event.eventId()));
    return content == null || content.equals(EventFingerprint.ofContent(event)) ? null
        : "the key " + event.eventId() + " was already used for a different action on this ticket";
  }

  /** Remembers the event's id, forgetting the oldest beyond the capacity. */
  void remember(TicketEvent event) {
    remembered.put(EventFingerprint.of(event.eventId()), EventFingerprint.ofContent(event));
    Iterator<String> oldest = remembered.keySet().iterator();
    while (remembered.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Whether a source event arrived after events that happened later at the source (then it is applied late). */
  boolean arrivedLate(TicketEvent event) {
    return ordersBySource(event) && sourceOrder.isLate(event.occurredAt());
  }

  /**
   * Logs an event applied in order and returns the source time it is logged under (its own, or no earlier than the
   * last logged event's: Vigil's own actions are placed at their arrival).
   */
  Instant logInOrder(TicketEvent event) {
    Instant at = sourceOrder.timeFor(event.occurredAt());
    sourceOrder.append(SourceOrder.Entry.of(event, at), capacity);
    return at;
  }

  /** Logs a late event at its place and derives the ticket in source order (see {@link SourceOrder#insertLate}). */
  SourceOrder.Derived insertLate(TicketEvent event) {
    return sourceOrder.insertLate(SourceOrder.Entry.of(event, event.occurredAt()), capacity);
  }

  /** Events that move status, facts or the assignee; feedback on suggestions and pausing Vigil do not. */
  static boolean ordersBySource(TicketEvent event) {
    return switch (event.type()) {
      case ASSISTANT_PAUSED, ASSISTANT_RESUMED, SUGGESTION_DISMISSED, SUGGESTION_RATED -> false;
      default -> true;
    };
  }
}
