package dev.vigil.starter.ui.dashboard;

import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.workflows.ticket.LearningRun;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TimelineEntry;
import dev.vigil.workflows.ticket.TimelineKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures, computed from the tickets' own views (their timelines, suggestions and learning runs)
 * and the knowledge entries: nothing is sampled or kept in memory, so the charts are the same after a restart and
 * on every starter instance.
 *
 * @param buckets the time axis
 * @param ticketsByStatus tickets in each status at the end of each bucket
 * @param proactive suggestions Vigil made per bucket: offered to an analyst, or answered directly
 * @param rates adoption (adopted or edited) and dismiss rates of the suggestions decided in each bucket, in %
 * @param knowledge entries created per bucket, by their current status
 * @param learning learning runs started per bucket
 * @param totals headline numbers
 */
public record DashboardFigures(
    TimeBuckets buckets,
    List<Series> ticketsByStatus,
    List<Series> proactive,
    List<Series> rates,
    List<Series> knowledge,
    List<Series> learning,
    Totals totals) {

  /**
   * Headline numbers.
   *
   * @param tickets tickets read
   * @param open tickets not resolved or closed
   * @param suggestions suggestions made
   * @param answered of those, answered directly to the customer
   * @param adoptionRate adopted or edited of the decided ones, in % (NaN when none was decided)
   * @param dismissRate dismissed of the decided ones, in %
   * @param entries knowledge entries by status, over the whole index
   * @param learningRuns learning runs of the tickets read
   */
  public record Totals(int tickets, int open, int suggestions, int answered, double adoptionRate,
      double dismissRate, Map<EntryStatus, Long> entries, int learningRuns) {}

  static final Map<TicketStatus, String> STATUS_COLORS = new EnumMap<>(Map.of(
      TicketStatus.NEW, "#6c8ebf", TicketStatus.TRIAGED, "#9b7fd1", TicketStatus.ESCALATED, "#d9534f",
      TicketStatus.WAITING_ON_CUSTOMER, "#f0ad4e", TicketStatus.RESOLVED, "#5cb85c", TicketStatus.CLOSED, "#8a8f98"));
  static final Map<EntryStatus, String> ENTRY_COLORS = new EnumMap<>(Map.of(
      EntryStatus.ACTIVE, "#5cb85c", EntryStatus.DRAFT, "#f0ad4e", EntryStatus.RETIRED, "#8a8f98"));

  /**
   * Computes the figures.
   *
   * @param tickets views of the tickets to chart
   * @param entries knowledge entries to chart (their creation times)
   * @param entryCounts entries by status over the whole index
   * @param now end of the time axis
   */
  public static DashboardFigures compute(List<TicketView> tickets, List<KnowledgeEntry> entries,
      Map<EntryStatus, Long> entryCounts, Instant now) {
    Instant earliest = now;
    for (TicketView t : tickets) {
      if (t.createdAt() != null && t.createdAt().isBefore(earliest)) {
        earliest = t.createdAt();
      }
    }
    for (KnowledgeEntry e : entries) {
      if (e.createdAt() != null && e.createdAt().isBefore(earliest)) {
        earliest = e.createdAt();
      }
    }
    TimeBuckets buckets = TimeBuckets.covering(earliest, now);
    int n = buckets.count();

    Map<TicketStatus, double[]> byStatus = new EnumMap<>(TicketStatus.class);
    for (TicketStatus s : TicketStatus.values()) {
      byStatus.put(s, new double[n]);
    }
    double[] offered = new double[n];
    double[] answered = new double[n];
    double[] decided = new double[n];
    double[] adopted = new double[n];
    double[] dismissed = new double[n];
    double[] runs = new double[n];
    int open = 0;
    int suggestions = 0;
    int answeredTotal = 0;
    int decidedTotal = 0;
    int adoptedTotal = 0;
    int dismissedTotal = 0;
    int runsTotal = 0;
    for (TicketView t : tickets) {
      if (t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED) {
        open++;
      }
      for (int i = 0; i < n; i++) {
        TicketStatus at = statusAt(t, buckets.end(i));
        if (at != null) {
          byStatus.get(at)[i]++;
        }
      }
      for (Suggestion s : t.suggestions()) {
        suggestions++;
        boolean direct = s.state() == SuggestionState.ANSWERED || s.state() == SuggestionState.AUTO_PENDING;
        if (direct) {
          answeredTotal++;
        }
        int offeredAt = buckets.indexOf(s.offeredAt());
        if (offeredAt >= 0) {
          (direct ? answered : offered)[offeredAt]++;
        }
        boolean adoptedOrEdited = s.state() == SuggestionState.ADOPTED || s.state() == SuggestionState.EDITED;
        boolean wasDismissed = s.state() == SuggestionState.DISMISSED;
        if (adoptedOrEdited || wasDismissed) {
          decidedTotal++;
          adoptedTotal += adoptedOrEdited ? 1 : 0;
          dismissedTotal += wasDismissed ? 1 : 0;
          int decidedAt = buckets.indexOf(s.decidedAt());
          if (decidedAt >= 0) {
            decided[decidedAt]++;
            (adoptedOrEdited ? adopted : dismissed)[decidedAt]++;
          }
        }
      }
      for (LearningRun run : t.learningRuns()) {
        runsTotal++;
        int at = buckets.indexOf(run.startedAt());
        if (at >= 0) {
          runs[at]++;
        }
      }
    }

    Map<EntryStatus, double[]> created = new EnumMap<>(EntryStatus.class);
    for (EntryStatus s : EntryStatus.values()) {
      created.put(s, new double[n]);
    }
    for (KnowledgeEntry e : entries) {
      int at = buckets.indexOf(e.createdAt());
      if (at >= 0) {
        created.get(e.status())[at]++;
      }
    }

    List<Series> statusSeries = new ArrayList<>();
    byStatus.forEach((s, v) -> statusSeries.add(new Series(s.wireName().replace('_', ' '), STATUS_COLORS.get(s), v)));
    List<Series> knowledgeSeries = new ArrayList<>();
    created.forEach((s, v) -> knowledgeSeries.add(new Series(s.wireName(), ENTRY_COLORS.get(s), v)));
    Totals totals = new Totals(tickets.size(), open, suggestions, answeredTotal, percent(adoptedTotal, decidedTotal),
        percent(dismissedTotal, decidedTotal), entryCounts, runsTotal);
    return new DashboardFigures(buckets, statusSeries,
        List.of(new Series("offered to analyst", "#4a7bd0", offered),
            new Series("answered directly", "#2fa38a", answered)),
        List.of(new Series("adopted or edited", "#5cb85c", rates(adopted, decided)),
            new Series("dismissed", "#d9534f", rates(dismissed, decided))),
        knowledgeSeries,
        List.of(new Series("learning runs started", "#9b7fd1", runs)),
        totals);
  }

  /**
   * The ticket's status at {@code t} from its timeline ("status" entries read "from → to"), or null before it
   * existed.
   */
  static TicketStatus statusAt(TicketView ticket, Instant t) {
    if (ticket.createdAt() == null || !ticket.createdAt().isBefore(t)) {
      return null;
    }
    TicketStatus status = null;
    TicketStatus first = null;
    for (TimelineEntry entry : ticket.timeline()) {
      if (entry.kind() != TimelineKind.STATUS) {
        continue;
      }
      String[] fromTo = entry.detail().split(" → ", 2);
      if (fromTo.length != 2) {
        continue;
      }
      if (first == null) {
        first = parse(fromTo[0]);
      }
      if (entry.at() != null && entry.at().isBefore(t)) {
        status = parse(fromTo[1]);
      }
    }
    if (status != null) {
      return status;
    }
    return first != null ? first : ticket.status();
  }

  private static TicketStatus parse(String wire) {
    for (TicketStatus s : TicketStatus.values()) {
      if (s.wireName().equals(wire.strip())) {
        return s;
      }
    }
    return null;
  }

  private static double[] rates(double[] part, double[] whole) {
    double[] rates = new double[part.length];
    for (int i = 0; i < part.length; i++) {
      rates[i] = whole[i] == 0 ? Double.NaN : 100.0 * part[i] / whole[i];
    }
    return rates;
  }

  private static double percent(int part, int whole) {
    return whole == 0 ? Double.NaN : 100.0 * part / whole;
  }
}
