package dev.vigil.starter.ui.dashboard;

import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.starter.config.UiProperties;
import dev.vigil.starter.knowledge.KnowledgeCuration;
import dev.vigil.starter.security.StaffScope;
import dev.vigil.starter.ticket.TicketDirectory;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.ticket.TicketFilter;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.starter.ticket.TicketSummary;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Gathers what the dashboard charts: the views of the newest tickets ({@code vigil.ui.dashboard-tickets}), the
 * newest knowledge entries and the index's counts by status. Reading hundreds of views takes a moment, so figures
 * are reused for a few seconds; fleet-wide counters are on the Prometheus endpoint.
 */
@Service
public class DashboardService {
  private static final Logger log = LoggerFactory.getLogger(DashboardService.class);
  private static final Duration REUSE = Duration.ofSeconds(5);
  private static final int ENTRIES = 2_000;

  private final TicketDirectory directory;
  private final TicketService tickets;
  private final KnowledgeIndex knowledge;
  private final int maxTickets;
  private final Clock clock;
  /** Per staff scope; a handful of scopes in practice (all tenants, and each team's tenants). */
  private final Map<StaffScope, Cached> cached = new HashMap<>();

  /** Figures with what they were computed from. */
  public record Dashboard(DashboardFigures figures, int ticketsUnreadable, boolean knowledgeReadable,
      int ticketLimit, Instant computedAt) {}

  private record Cached(Dashboard dashboard, Instant at) {}

  @Autowired
  public DashboardService(TicketDirectory directory, TicketService tickets, KnowledgeIndex knowledge,
      UiProperties ui) {
    this(directory, tickets, knowledge, ui.dashboardTickets(), Clock.systemUTC());
  }

  DashboardService(TicketDirectory directory, TicketService tickets, KnowledgeIndex knowledge, int maxTickets,
      Clock clock) {
    this.directory = directory;
    this.tickets = tickets;
    this.knowledge = knowledge;
    this.maxTickets = maxTickets;
    this.clock = clock;
  }

  /**
   * The figures, computed at most once per few seconds however many people look (others wait for the one
   * computing). Temporal being unreachable ends the computation at once with {@code TemporalUnavailable} (a 503
   * page) instead of trying every ticket.
   */
  public synchronized Dashboard dashboard() {
    // figures per staff scope: someone who works for some tenants sees their tickets' and knowledge's figures
    StaffScope scope = StaffScope.current();
    Instant now = clock.instant();
    Cached current = cached.get(scope);
    if (current != null && Duration.between(current.at(), now).compareTo(REUSE) < 0) {
      return current.dashboard();
    }
    Dashboard fresh = compute(scope, now);
    cached.put(scope, new Cached(fresh, now));
    return fresh;
  }

  private Dashboard compute(StaffScope scope, Instant now) {
    List<TicketView> views = new ArrayList<>();
    int unreadable = 0;
    for (TicketSummary summary : directory.list(new TicketFilter(null, null, null, null,
        maxTickets))) {
      try {
        views.add(summary.source() == null ? tickets.view(summary.ticketId())
            : tickets.view(summary.source(), summary.ticketId()));
      } catch (TicketExceptions.TemporalUnavailable e) {
        throw e;
      } catch (RuntimeException e) {
        unreadable++;
        log.debug("dashboard cannot read ticket {}: {}", summary.ticketId(), e.toString());
      }
    }
    List<KnowledgeEntry> entries = List.of();
    Map<EntryStatus, Long> counts = new EnumMap<>(EntryStatus.class);
    boolean knowledgeReadable = true;
    try {
      if (scope.unrestricted()) {
        entries = knowledge.list(KnowledgeFilter.ALL, 0, ENTRIES);
        for (EntryStatus status : EntryStatus.values()) {
          counts.put(status, knowledge.count(new KnowledgeFilter(status, null, null)));
        }
      } else {
        entries = new ArrayList<>();
        for (String entryScope : KnowledgeCuration.visibleScopes(scope)) {
          entries.addAll(knowledge.list(new KnowledgeFilter(null, entryScope, null), 0, ENTRIES));
          for (EntryStatus status : EntryStatus.values()) {
            counts.merge(status, knowledge.count(new KnowledgeFilter(status, entryScope, null)), Long::sum);
          }
        }
      }
    } catch (RuntimeException e) {
      knowledgeReadable = false;
      log.warn("dashboard cannot read the knowledge index: {}", e.toString());
    }
    return new Dashboard(DashboardFigures.compute(views, entries, counts, now), unreadable, knowledgeReadable,
        maxTickets, now);
  }
}
