package dev.vigil.workflows.learning;

import java.time.Instant;
import java.util.List;

/** The result of one learning run: which closing of which ticket, and every change it made or declined, in order. */
public record LearningOutcome(String ticketId, int closeNumber, int valuesRedacted, List<KnowledgeChange> changes,
    Instant finishedAt) {

  public LearningOutcome {
    changes = changes == null ? List.of() : List.copyOf(changes);
  }

  public long count(String action) {
    return changes.stream().filter(c -> c.action().equals(action)).count();
  }
}
