package dev.vigil.workflows.progress;

import dev.vigil.workflows.assistant.StatusReport;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TimelineEntry;
import dev.vigil.workflows.ticket.TimelineKind;
import java.time.Instant;
import java.util.List;

/** A customer progress update from the ticket's real timeline: what happened since the last one, and where it is. */
public final class ProgressReport {
  private ProgressReport() {}

  public static String of(TicketView ticket, Instant since) {
    List<TimelineEntry> recent = ticket.timeline().stream()
        .filter(e -> e.kind() != TimelineKind.PROGRESS_UPDATE && (since == null || e.at().isAfter(since)))
        .toList();
    StringBuilder text = new StringBuilder("Update on your ticket \"")
        .append(ticket.subject() == null ? ticket.ticketId() : ticket.subject()).append("\": ");
    if (recent.isEmpty()) {
      text.append("no change since our last update; we are still working on it. ");
    } else {
      text.append("since our last update, ");
      for (int i = 0; i < recent.size(); i++) {
        TimelineEntry e = recent.get(i);
        text.append(i == 0 ? "" : "; ").append(describe(e));
      }
      text.append(". ");
    }
    return text.append(StatusReport.of(ticket)).toString();
  }

  private static String describe(TimelineEntry e) {
    return switch (e.kind()) {
      case STATUS -> "the status changed (" + e.detail().replace('_', ' ') + ")";
      case ASSIGNED -> "it was assigned to " + e.detail().replaceAll(" \\(.*\\)$", "");
      case PRIORITY -> "its priority changed (" + e.detail() + ")";
      case PROGRESS_UPDATE -> "we sent an update";
    };
  }
}
