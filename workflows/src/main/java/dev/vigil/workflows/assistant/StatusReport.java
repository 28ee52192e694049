package dev.vigil.workflows.assistant;

import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Answers "any update?" from the ticket's real timeline: status, who is on it, the last analyst action, what next. */
public final class StatusReport {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private StatusReport() {}

  public static String of(TicketView ticket) {
    StringBuilder text = new StringBuilder("Your ticket is ").append(describe(ticket)).append('.');
    if (ticket.assignee() != null) {
      text.append(' ').append(ticket.assignee().name() != null ? ticket.assignee().name() : "An analyst")
          .append(" is assigned to it.");
    } else {
      text.append(" It is not assigned to an analyst yet.");
    }
    Message lastAnalyst = lastAnalystMessage(ticket.messages());
    if (lastAnalyst != null && lastAnalyst.at() != null) {
      text.append(" The last reply from support was on ").append(WHEN.format(lastAnalyst.at())).append('.');
    } else {
      text.append(" Support has not replied yet.");
    }
    Instant next = ticket.nextCheckInAt();
    if (next != null) {
      text.append(" The next update is due by ").append(WHEN.format(next)).append('.');
    }
    return text.toString();
  }

  private static String describe(TicketView ticket) {
    return switch (ticket.status()) {
      case NEW -> "new and waiting to be triaged";
      case TRIAGED -> "triaged and waiting for an analyst";
      case ESCALATED -> "with our support team";
      case WAITING_ON_CUSTOMER -> "waiting for your reply";
      case RESOLVED -> "resolved";
      case CLOSED -> "closed";
    };
  }

  private static Message lastAnalystMessage(List<Message> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.ANALYST) {
        return messages.get(i);
      }
    }
    return null;
  }
}
