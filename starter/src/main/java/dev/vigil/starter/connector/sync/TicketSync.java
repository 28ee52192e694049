package dev.vigil.starter.connector.sync;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.VigilMarker;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds Vigil's open tickets from the system of record: reads them and their comments through the system's API
 * and delivers them as events with their original ids, so the tickets' own de-duplication makes a second sync a
 * no-op. Vigil's own posts (known to {@link SentComments}, or marked) are left out: a ticket that is still running
 * has them already as its own messages. For {@code ./vigil sync --source …} and a sync at start-up.
 */
public class TicketSync {
  private final Map<String, SyncReader> readers;
  private final TicketService tickets;
  private final SentComments sent;

  public TicketSync(List<SyncReader> readers, TicketService tickets, SentComments sent) {
    this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(SyncReader::source, Function.identity()));
    this.tickets = tickets;
    this.sent = sent;
  }

  /** Progress as tickets are delivered, for a progress bar. */
  @FunctionalInterface
  public interface Progress {
    void ticket(String ticketId, int ticketsSoFar, int eventsSoFar);

    Progress NONE = (ticketId, tickets, events) -> { };
  }

  /**
   * What a sync did: tickets read, events delivered (a ticket de-duplicates those it already has), and the tickets
   * that could not be delivered (archived in Vigil) with why.
   */
  public record Summary(String source, int tickets, int events, List<String> skipped) {}

  public java.util.Set<String> sources() {
    return readers.keySet();
  }

  public Summary sync(String source, Instant since, Progress progress) {
    SyncReader reader = readers.get(source);
    if (reader == null) {
      throw new IllegalArgumentException("cannot sync " + source + ": its API is not configured (configured: "
          + String.join(", ", readers.keySet().stream().sorted().toList()) + ")");
    }
    int[] counts = new int[2];
    List<String> skipped = new ArrayList<>();
    reader.read(since, (ticketId, events) -> {
      try {
        for (TicketEvent event : events) {
          if (isOwn(source, event)) {
            continue;
          }
          tickets.deliver(source, event);
          counts[1]++;
        }
      } catch (TicketExceptions.TicketArchived e) {
        skipped.add(ticketId + ": " + e.getMessage());
      }
      counts[0]++;
      progress.ticket(ticketId, counts[0], counts[1]);
    });
    return new Summary(source, counts[0], counts[1], List.copyOf(skipped));
  }

  private boolean isOwn(String source, TicketEvent event) {
    return event.type() == TicketEventType.MESSAGE_POSTED && event.message() != null
        && (VigilMarker.isPresent(event.message().text())
            || sent.isOwn(source, event.ticketId(), event.message().id(), event.message().text()));
  }
}
