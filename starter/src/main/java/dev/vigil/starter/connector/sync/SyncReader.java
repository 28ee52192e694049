package dev.vigil.starter.connector.sync;

import dev.vigil.workflows.ticket.TicketEvent;
import java.time.Instant;
import java.util.List;

/**
 * Reads one system's open tickets and their comments through its API, page by page, as Vigil events with the same
 * ids its webhooks would give them (so a resync and the webhooks agree, and a second resync changes nothing).
 */
public interface SyncReader {

  String source();

  /** Reads every ticket open now and updated since {@code since}, handing each to {@code sink} as it is read. */
  void read(Instant since, TicketSink sink);

  /** Receives one ticket's events, in the order they happened. */
  @FunctionalInterface
  interface TicketSink {
    void accept(String ticketId, List<TicketEvent> events);
  }
}
