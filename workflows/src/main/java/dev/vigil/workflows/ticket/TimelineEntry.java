package dev.vigil.workflows.ticket;

import java.time.Instant;

/**
 * A fact in the ticket's history (status change, assignment, priority change, progress update) that status answers
 * and progress updates are built from.
 */
public record TimelineEntry(Instant at, TimelineKind kind, String detail, String eventId) {

  /** A progress update sent at {@code sentAt} that was due at {@code dueAt}. */
  static TimelineEntry progressUpdate(Instant sentAt, Instant dueAt) {
    return new TimelineEntry(sentAt, TimelineKind.PROGRESS_UPDATE, dueAt.toString(), null);
  }

  /** When the progress update this entry records was due, or null for other entries. */
  public Instant progressDueAt() {
    return kind == TimelineKind.PROGRESS_UPDATE ? Instant.parse(detail) : null;
  }
}
