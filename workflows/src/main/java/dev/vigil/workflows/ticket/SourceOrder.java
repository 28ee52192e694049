package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ticket's status-relevant events in the order they happened at the source ({@code occurredAt}, then arrival),
 * so that an event delivered late — webhooks are retried and overtake each other — is applied where it belongs:
 * status, facts and assignee are re-derived by folding {@link TicketLifecycle} over the events in source order, which
 * gives the state an in-order delivery would have given. Pure; carried in the ticket's state. Bounded: past
 * {@code capacity} entries the oldest are folded into a base, and an event older than the base applies in arrival
 * order as before.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class SourceOrder {

  /** One logged event: what the fold needs of it. */
  public record Entry(Instant at, String eventId, TicketEventType type, Role role, TicketFacts facts,
      Analyst analyst) {

    static Entry of(TicketEvent event, Instant at) {
      return new Entry(at, event.eventId(), event.type(), event.message() == null ? null : event.message().role(),
          event.ticket(), event.analyst());
    }

    TicketEvent asEvent() {
      return new TicketEvent(eventId, type, at, facts, role == null ? null : new IncomingMessage(null, role, null,
          null), analyst, null, null);
    }
  }

  /** The state the logged events lead to, and whether the entry asked about was rejected on the way. */
  public record Derived(TicketStatus status, TicketFacts facts, Analyst assignee, String rejection) {}

  private TicketStatus baseStatus = TicketStatus.NEW;
  private TicketFacts baseFacts;
  private Analyst baseAssignee;
  private Instant baseAt;
  private ArrayList<Entry> entries = new ArrayList<>();

  /** For Jackson. */
  SourceOrder() {}

  /** An empty log whose base is the ticket as it stands (a fresh ticket, or one from before the log existed). */
  static SourceOrder startingFrom(TicketStatus status, TicketFacts facts, Analyst assignee) {
    SourceOrder order = new SourceOrder();
    order.baseStatus = status;
    order.baseFacts = facts;
    order.baseAssignee = assignee;
    return order;
  }

  /** Whether an event that happened at {@code at} arrives after an event that happened later. */
  public boolean isLate(Instant at) {
    return at != null && !entries.isEmpty() && at.isBefore(entries.get(entries.size() - 1).at())
        && (baseAt == null || !at.isBefore(baseAt));
  }

  /** The time to log an event under: its own, or, for events ordered by arrival, no earlier than the last one. */
  public Instant timeFor(Instant at) {
    Instant last = entries.isEmpty() ? baseAt : entries.get(entries.size() - 1).at();
    if (at == null) {
      return last == null ? Instant.EPOCH : last;
    }
    return last != null && at.isBefore(last) ? last : at;
  }

  /** Logs an event that arrived in order (after every logged one). */
  public void append(Entry entry, int capacity) {
    entries.add(entry);
    compact(capacity);
  }

  /** Logs an event that arrived late at its place in source order and derives the state, noting its rejection. */
  public Derived insertLate(Entry entry, int capacity) {
    int at = entries.size();
    while (at > 0 && entries.get(at - 1).at().isAfter(entry.at())) {
      at--;
    }
    entries.add(at, entry);
    Derived derived = fold(entry);
    compact(capacity);
    return derived;
  }

  private Derived fold(Entry asked) {
    TicketStatus status = baseStatus;
    TicketFacts facts = baseFacts;
    Analyst assignee = baseAssignee;
    String rejection = null;
    for (Entry e : entries) {
      TicketFacts merged = e.facts() == null ? facts : e.facts().mergeInto(facts);
      boolean assignedAfter = assignee != null || (e.type() == TicketEventType.ASSIGNED && e.analyst() != null);
      Transition t = TicketLifecycle.next(status, e.asEvent(), merged != null && merged.subject() != null,
          assignedAfter);
      if (t.rejected()) {
        if (e == asked) {
          rejection = t.rejection();
        }
        continue;
      }
      facts = merged;
      if (e.type() == TicketEventType.ASSIGNED && e.analyst() != null) {
        assignee = e.analyst();
      }
      status = t.to();
    }
    return new Derived(status, facts, assignee, rejection);
  }

  private void compact(int capacity) {
    if (entries.size() <= capacity) {
      return;
    }
    List<Entry> oldest = new ArrayList<>(entries.subList(0, entries.size() - capacity));
    entries.subList(0, oldest.size()).clear();
    SourceOrder base = new SourceOrder();
    base.baseStatus = baseStatus;
    base.baseFacts = baseFacts;
    base.baseAssignee = baseAssignee;
    base.entries = new ArrayList<>(oldest);
    Derived folded = base.fold(null);
    baseStatus = folded.status();
    baseFacts = folded.facts();
    baseAssignee = folded.assignee();
    baseAt = oldest.get(oldest.size() - 1).at();
  }
}
