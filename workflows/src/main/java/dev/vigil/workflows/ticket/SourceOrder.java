package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
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

  /**
   * One logged event: only what the fold reads of it. The description is left out (it is the one large fact and
   * decides no transition; it follows arrival order), so an entry stays small whatever the event carried.
   */
  public record Entry(Instant at, TicketEventType type, Role role, TicketFacts facts, Analyst analyst) {

    static Entry of(TicketEvent event, Instant at) {
      TicketFacts f = event.ticket();
      return new Entry(at, event.type(), event.message() == null ? null : event.message().role(),
          f == null ? null : new TicketFacts(f.id(), f.subject(), null, f.priority(), f.product(), f.customer()),
          event.analyst());
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
      Transition t = TicketLifecycle.next(status, e.type(), e.role(), merged != null && merged.subject() != null,
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

  /**
   * Folds the oldest entries into the base once more than {@code capacity} (at most
   * {@link TicketBudget#SOURCE_ORDER_ENTRIES}) are logged or they weigh more than
   * {@link TicketBudget#SOURCE_ORDER_BYTES}.
   */
  private void compact(int capacity) {
    int limit = Math.min(capacity, TicketBudget.SOURCE_ORDER_ENTRIES);
    int total = 0;
    for (Entry e : entries) {
      total += cost(e);
    }
    int folded = 0;
    while (entries.size() - folded > 1
        && (entries.size() - folded > limit || total > TicketBudget.SOURCE_ORDER_BYTES)) {
      total -= cost(entries.get(folded));
      folded++;
    }
    if (folded == 0) {
      return;
    }
    List<Entry> oldest = new ArrayList<>(entries.subList(0, folded));
    entries.subList(0, folded).clear();
    SourceOrder base = new SourceOrder();
    base.baseStatus = baseStatus;
    base.baseFacts = baseFacts;
    base.baseAssignee = baseAssignee;
    base.entries = new ArrayList<>(oldest);
    Derived derived = base.fold(null);
    baseStatus = derived.status();
    baseFacts = derived.facts();
    baseAssignee = derived.assignee();
    baseAt = oldest.get(oldest.size() - 1).at();
  }

  private static int cost(Entry e) {
    TicketFacts f = e.facts();
    Customer c = f == null ? null : f.customer();
    Analyst a = e.analyst();
    return Texts.cost(160, f == null ? null : f.id(), f == null ? null : f.subject(), f == null ? null : f.product(),
        c == null ? null : c.id(), c == null ? null : c.tenant(), c == null ? null : c.name(),
        c == null ? null : c.email(), a == null ? null : a.id(), a == null ? null : a.name());
  }
}
