package dev.vigil.starter.ticket;

import java.util.List;

/** Lists tickets. Two implementations: visibility queries on a Temporal cluster, open/closed lists on the dev server. */
public interface TicketDirectory {

  /** Tickets matching the filter, newest first, at most {@code filter.limit()}. */
  List<TicketSummary> list(TicketFilter filter);

  /** Which listing mechanism answers, for operators and the API response. */
  String mechanism();
}
