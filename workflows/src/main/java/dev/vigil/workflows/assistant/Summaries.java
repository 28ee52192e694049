package dev.vigil.workflows.assistant;

import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TimelineEntry;
import dev.vigil.workflows.ticket.TimelineKind;
import java.util.ArrayList;
import java.util.List;

/** The extractive summary of a ticket, built only from what the ticket records. */
public final class Summaries {
  private static final int QUOTE = 200;

  private Summaries() {}

  public static CaseSummary of(TicketView t) {
    String owner = t.assignee() == null ? "support" : t.assignee().name() != null ? t.assignee().name()
        : t.assignee().id();
    long customerTurns = t.messages().stream().filter(m -> m.role() == Role.CUSTOMER).count();
    long supportTurns = t.messages().size() - customerTurns;
    String overview = "\"" + (t.subject() == null ? "(no subject)" : t.subject()) + "\" — " + t.priority() + ", "
        + t.status().wireName().replace('_', ' ')
        + (t.customer() == null ? "" : ", customer " + nameOf(t.customer().name(), t.customer().id())
            + (t.customer().tenant() == null ? "" : " (" + t.customer().tenant() + ")"))
        + ", " + (t.assignee() == null ? "unassigned" : "assigned to " + owner)
        + ". " + customerTurns + " customer and " + supportTurns + " support messages"
        + (firstCustomerText(t) == null ? "." : "; the customer wrote: \"" + quote(firstCustomerText(t)) + "\"");

    List<String> decisions = new ArrayList<>();
    for (TimelineEntry entry : t.timeline()) {
      decisions.add(entry.at() + " " + (entry.kind() == TimelineKind.PROGRESS_UPDATE
          ? "progress update sent (due " + entry.detail() + ")" : entry.kind().wireName() + ": " + entry.detail()));
    }
    for (Suggestion s : t.suggestions()) {
      if (!s.open()) {
        decisions.add("suggestion " + s.id() + " " + s.state().wireName()
            + (s.decidedBy() == null ? "" : " by " + s.decidedBy()));
      }
    }
    if (t.resolutionNote() != null) {
      decisions.add("resolution: " + quote(t.resolutionNote()));
    }

    List<CaseSummary.OpenItem> open = new ArrayList<>();
    Message last = t.messages().isEmpty() ? null : t.messages().get(t.messages().size() - 1);
    if (t.status().isOpen() && last != null && last.role() == Role.CUSTOMER) {
      open.add(new CaseSummary.OpenItem("reply to the customer: \"" + quote(last.text()) + "\"", owner));
    }
    if (t.status() == TicketStatus.WAITING_ON_CUSTOMER) {
      open.add(new CaseSummary.OpenItem("reply to support's last message", "customer"));
    }
    if (t.assignee() == null && t.status().isOpen()) {
      open.add(new CaseSummary.OpenItem("assign the ticket", "support"));
    }
    for (Suggestion s : t.suggestions()) {
      if (s.open()) {
        open.add(new CaseSummary.OpenItem("adopt, edit or dismiss suggestion " + s.id(), owner));
      }
    }
    if (t.status() == TicketStatus.RESOLVED) {
      open.add(new CaseSummary.OpenItem("close the ticket once the customer confirms", owner));
    }
    return new CaseSummary(overview, decisions, open);
  }

  private static String firstCustomerText(TicketView t) {
    return t.messages().stream().filter(m -> m.role() == Role.CUSTOMER).map(Message::text).findFirst()
        .orElse(t.description());
  }

  private static String nameOf(String name, String id) {
    return name != null ? name : id;
  }

  private static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= QUOTE ? oneLine : oneLine.substring(0, QUOTE) + "…";
  }
}
