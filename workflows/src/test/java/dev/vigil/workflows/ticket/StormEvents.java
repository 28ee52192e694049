package dev.vigil.workflows.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a ticket's webhook events as a ticketing system would send them in order (source times a minute apart),
 * and the same events as a storm delivers them: some sent twice under the same event id, some overtaken by later
 * ones.
 */
final class StormEvents {
  private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
  private static final Analyst[] ANALYSTS = {new Analyst("a-1", "Ana"), new Analyst("a-2", "Ben")};

  private StormEvents() {}

  /** {@code count} events for one ticket, in source order. About a quarter of the tickets end closed. */
  static List<TicketEvent> inOrder(String ticketId, int count, Random random) {
    List<TicketEvent> events = new ArrayList<>();
    Instant at = START;
    events.add(new TicketEvent(ticketId + "-e0", TicketEventType.CREATED, at, new TicketFacts(ticketId,
        "Storm ticket " + ticketId, "It broke", Priority.P3, "storage", new Customer("c-" + ticketId, "acme",
        "Cleo", "cleo@example.com")), null, null, null, null));
    boolean closes = random.nextInt(4) == 0;
    int body = count - (closes ? 3 : 2);
    for (int i = 1; i <= body; i++) {
      at = at.plusSeconds(60);
      String id = ticketId + "-e" + i;
      int kind = random.nextInt(10);
      TicketEvent e;
      if (kind < 4) {
        e = message(id, ticketId, at, Role.CUSTOMER, "customer turn " + i);
      } else if (kind < 7) {
        e = message(id, ticketId, at, Role.ANALYST, "analyst turn " + i);
      } else if (kind == 7) {
        e = new TicketEvent(id, TicketEventType.ASSIGNED, at, TicketFacts.onlyId(ticketId), null,
            ANALYSTS[random.nextInt(2)], null, null, null);
      } else if (kind == 8) {
        e = new TicketEvent(id, TicketEventType.PRIORITY_CHANGED, at, new TicketFacts(ticketId, null, null,
            Priority.values()[random.nextInt(4)], null, null), null, null, null, null, null);
      } else {
        e = new TicketEvent(id, TicketEventType.ESCALATED, at, TicketFacts.onlyId(ticketId), null, null, null, null,
            null);
      }
      events.add(e);
    }
    at = at.plusSeconds(60);
    events.add(new TicketEvent(ticketId + "-resolved", TicketEventType.RESOLVED, at, TicketFacts.onlyId(ticketId),
        null, null, "Fixed by step " + count, null, null));
    if (closes) {
      events.add(new TicketEvent(ticketId + "-closed", TicketEventType.CLOSED, at.plusSeconds(60),
          TicketFacts.onlyId(ticketId), null, null, null, null, null));
    }
    return events;
  }

  /**
   * The same events as a storm delivers them: each repeated (same event id) with probability {@code duplicates},
   * each overtaken with probability {@code late} (delivered 1–5 places after where it belongs).
   */
  static List<TicketEvent> stormy(List<TicketEvent> inOrder, double duplicates, double late, Random random) {
    List<TicketEvent> delivery = new ArrayList<>(inOrder);
    for (int i = delivery.size() - 1; i >= 0; i--) {
      if (random.nextDouble() < duplicates) {
        int at = Math.min(delivery.size(), i + 1 + random.nextInt(8));
        delivery.add(at, delivery.get(i));
      }
    }
    List<TicketEvent> shuffled = new ArrayList<>(delivery);
    for (TicketEvent e : inOrder) {
      if (random.nextDouble() < late) {
        int from = shuffled.indexOf(e);
        int to = Math.min(shuffled.size() - 1, from + 1 + random.nextInt(5));
        shuffled.remove(from);
        shuffled.add(to, e);
      }
    }
    return shuffled;
  }

  private static TicketEvent message(String eventId, String ticketId, Instant at, Role role, String text) {
    return new TicketEvent(eventId, TicketEventType.MESSAGE_POSTED, at, TicketFacts.onlyId(ticketId),
        new IncomingMessage("m-" + eventId, role, role == Role.CUSTOMER ? "Cleo" : "Ana", text), null, null, null,
        null);
  }

  /** What must come out the same however the events arrived. */
  record Outcome(TicketStatus status, Priority priority, String subject, Analyst assignee, List<String> dialogue,
      String resolutionNote, int closings) {

    static Outcome of(TicketView view) {
      return new Outcome(view.status(), view.priority(), view.subject(), view.assignee(),
          view.messages().stream().filter(m -> m.role() != Role.VIGIL)
              .map(m -> m.id() + "|" + m.role().wireName() + "|" + m.text()).toList(),
          view.resolutionNote(), view.learningRuns().size());
    }
  }
}
