package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ticket records about itself: the decision log (what Vigil did or deliberately did not do, and why) and the
 * timeline (status, assignment, priority and progress-update facts that status answers are built from). The log keeps
 * {@code capacity} decisions ({@code vigil.ticket.max-decisions}, at most {@link TicketBudget#DECISIONS}) within
 * {@link TicketBudget#DECISIONS_BYTES}, the timeline as many (at most {@link TicketBudget#TIMELINE}) within
 * {@link TicketBudget#TIMELINE_BYTES}; texts are cut at their caps, the oldest entries go first and are counted.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class DecisionLog {
  private int capacity;
  private ArrayList<Decision> decisions = new ArrayList<>();
  private int decisionsDropped;
  private ArrayList<TimelineEntry> timeline = new ArrayList<>();
  private int timelineDropped;

  /** For Jackson. */
  DecisionLog() {}

  DecisionLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a decision log keeps at least one decision");
    }
    this.capacity = capacity;
  }

  void decide(Instant at, DecisionKind kind, String action, String reason) {
    decisions.add(new Decision(at, kind, Texts.cap(action, TicketBudget.DECISION_ACTION_CHARS),
        Texts.cap(reason, TicketBudget.DECISION_REASON_CHARS)));
    decisionsDropped += Bounded.trim(decisions, Math.min(capacity, TicketBudget.DECISIONS),
        TicketBudget.DECISIONS_BYTES, d -> Texts.cost(80, d.action(), d.reason()));
  }

  void note(TimelineEntry entry) {
    timeline.add(new TimelineEntry(entry.at(), entry.kind(), Texts.cap(entry.detail(),
        TicketBudget.TIMELINE_DETAIL_CHARS), entry.eventId()));
    timelineDropped += Bounded.trim(timeline, Math.min(capacity, TicketBudget.TIMELINE),
        TicketBudget.TIMELINE_BYTES, t -> Texts.cost(100, t.detail(), t.eventId()));
  }

  List<Decision> decisions() {
    return List.copyOf(decisions);
  }

  int decisionsDropped() {
    return decisionsDropped;
  }

  List<TimelineEntry> timeline() {
    return List.copyOf(timeline);
  }

  int timelineDropped() {
    return timelineDropped;
  }
}
