package dev.vigil.tools.eval;

import dev.vigil.activities.assistant.answerability.Assessment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps every assessment the assistant made during a run, per ticket, in order (activities run concurrently). */
final class AssessmentRecorder implements Assessment.Listener {
  private final Map<String, List<Assessment>> byTicket = new HashMap<>();

  @Override
  public synchronized void assessed(Assessment assessment) {
    byTicket.computeIfAbsent(assessment.ticketId(), id -> new ArrayList<>()).add(assessment);
  }

  /** The ticket's assessments so far. */
  synchronized List<Assessment> of(String ticketId) {
    return List.copyOf(byTicket.getOrDefault(ticketId, List.of()));
  }
}
