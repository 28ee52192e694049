package dev.vigil.starter.live;

import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two views of a ticket, in the parts a page renders separately, so each page section is
 * re-rendered only when its own part changed (an analyst's half-written edit of a suggestion survives a new
 * decision in the log). A null {@code before} means "everything changed" (a page that just subscribed).
 */
public final class TicketChanges {
  /** Status, priority, assignee, pause, next check-in, resolution, learning, alerts. */
  public static final String FACTS = "facts";
  /** The dialogue. */
  public static final String CONVERSATION = "conversation";
  /** Vigil's suggestions and their states and ratings. */
  public static final String SUGGESTIONS = "suggestions";
  /** The decision log. */
  public static final String DECISIONS = "decisions";

  private TicketChanges() {}

  /** The parts that differ, in a fixed order. */
  public static List<String> parts(TicketView before, TicketView after) {
    List<String> parts = new ArrayList<>();
    if (before == null || !facts(before).equals(facts(after))) {
      parts.add(FACTS);
    }
    if (before == null || before.messagesDropped() != after.messagesDropped()
        || !before.messages().equals(after.messages())) {
      parts.add(CONVERSATION);
    }
    if (before == null || !before.suggestions().equals(after.suggestions())) {
      parts.add(SUGGESTIONS);
    }
    if (before == null || before.decisionsDropped() != after.decisionsDropped()
        || !before.decisions().equals(after.decisions())) {
      parts.add(DECISIONS);
    }
    return parts;
  }

  /** Messages in {@code after} that {@code before} did not have (all of them when before is null). */
  public static List<Message> newMessages(TicketView before, TicketView after) {
    Set<String> known = new HashSet<>();
    if (before != null) {
      before.messages().forEach(m -> known.add(m.id()));
    }
    return after.messages().stream().filter(m -> !known.contains(m.id())).toList();
  }

  private static List<Object> facts(TicketView v) {
    return Arrays.asList(v.status(), v.priority(), v.subject(), v.assignee(), v.assistantPaused(),
        v.nextCheckInAt(), v.resolutionNote(), v.learningRuns(), v.alerts(), v.customer(), v.product());
  }

  /** True when the customer-visible part (status and the replies sent to the customer) differs. */
  public static boolean customerVisibleChanged(TicketView before, TicketView after) {
    return before == null || before.status() != after.status()
        || !Objects.equals(repliesOf(before), repliesOf(after));
  }

  /** What the customer's status page shows of the dialogue: the replies support and Vigil sent. */
  public static List<Message> repliesOf(TicketView view) {
    return view.messages().stream()
        .filter(m -> m.role() == Role.ANALYST || m.role() == Role.VIGIL)
        .toList();
  }
}
