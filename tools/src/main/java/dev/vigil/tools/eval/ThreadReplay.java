package dev.vigil.tools.eval;

import dev.vigil.activities.assistant.answerability.Assessment;
import dev.vigil.activities.learning.importing.TicketFile;
import dev.vigil.workflows.learning.HistoricalTicket;
import dev.vigil.workflows.learning.LearningOutcome;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.Decision;
import dev.vigil.workflows.ticket.DecisionKind;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.TicketDelivery;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Replays one resolved thread through the real ticket workflow, as a ticketing system would deliver it: created,
 * escalated and assigned, then each message before the resolving one (after each customer turn the assistant
 * runs to its decision before the next message), then the resolving message, resolved with the thread's resolution
 * as the note, closed; learning runs to completion before the next thread.
 */
final class ThreadReplay {
  static final String SOURCE = "eval";
  static final String TENANT = "eval";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final TestWorkflowEnvironment env;
  private final WorkflowClient client;
  /**
   * Production settings except the assistant's batch window: a thread's turns are delivered one at a time and
   * awaited, so there is nothing to batch, and the time-skipping clock does not move while queries poll.
   */
  private final TicketSettings settings = new TicketSettings(2_000, 500, 1_000, 4_000, Duration.ofDays(7),
      Duration.ofMillis(20));
  private int events;

  private final AssessmentRecorder assessments;

  ThreadReplay(TestWorkflowEnvironment env, AssessmentRecorder assessments) {
    this.env = env;
    this.assessments = assessments;
    this.client = env.getWorkflowClient();
  }

  ThreadOutcome replay(TicketFile.Item item, String question) {
    HistoricalTicket t = item.ticket();
    String id = t.id();
    String firstAuthor = t.messages().get(0).author();
    deliver(event(id, TicketEventType.CREATED, new TicketFacts(id, t.title(), null, Priority.P3, null,
        new Customer("customer-" + id, TENANT, firstAuthor, null)), null, null, null));
    deliver(event(id, TicketEventType.ESCALATED, TicketFacts.onlyId(id), null, null, null));
    deliver(event(id, TicketEventType.ASSIGNED, TicketFacts.onlyId(id), null, new Analyst("analyst-1", "Analyst"),
        null));
    for (int i = 0; i < item.resolvingMessage(); i++) {
      HistoricalTicket.Turn turn = t.messages().get(i);
      boolean customer = turn.role().equals("customer");
      int settled = settledAssists(view(id));
      post(id, i, turn);
      if (customer) {
        await(id, v -> settledAssists(v) > settled);
      }
    }
    TicketView before = view(id);
    List<Assessment> assessed = assessments.of(id);
    Suggestion first = before.suggestions().stream().filter(s -> !s.citations().isEmpty()).findFirst().orElse(null);
    List<String> decisions = before.decisions().stream().filter(ThreadReplay::assistantDecision)
        .map(d -> d.action() + ": " + d.reason()).toList();
    int resolvingIndex = item.resolvingMessage();
    HistoricalTicket.Turn resolving = t.messages().get(resolvingIndex);
    post(id, resolvingIndex, resolving);
    // the thread's resolution is what the analyst would write as the resolution note (it may be the customer's own fix)
    String note = t.resolution() == null || t.resolution().isBlank() ? resolving.text() : t.resolution();
    deliver(event(id, TicketEventType.RESOLVED, TicketFacts.onlyId(id), null, null, note));
    deliver(event(id, TicketEventType.CLOSED, TicketFacts.onlyId(id), null, null, null));
    TicketView closed = await(id, v -> v.learning() != null);
    LearningOutcome outcome = client.newUntypedWorkflowStub(closed.learning().workflowId())
        .getResult(LearningOutcome.class);
    // the run would otherwise wait its reopen window: end it, learning is already done
    client.newUntypedWorkflowStub(TicketIds.workflowId(SOURCE, id)).terminate("evaluation: thread done");
    List<String> learning = outcome.changes().stream()
        .map(c -> c.action() + (c.entryId() == null ? "" : " " + c.entryId()) + ": " + c.reason()).toList();
    return new ThreadOutcome(id, question, resolving.text(), first == null ? null : first.text(),
        first == null ? null : first.state().wireName(), first == null ? List.of() : first.citations(),
        (int) before.suggestions().stream().filter(s -> !s.citations().isEmpty()).count(), decisions, learning,
        assessed);
  }

  private void post(String id, int index, HistoricalTicket.Turn turn) {
    Role role = turn.role().equals("customer") ? Role.CUSTOMER : Role.ANALYST;
    deliver(event(id, TicketEventType.MESSAGE_POSTED, TicketFacts.onlyId(id),
        new IncomingMessage("m" + (index + 1), role, turn.author(), turn.text()), null, null));
  }

  /** Assist runs end in exactly one "silent" or "suggested" decision. */
  private static int settledAssists(TicketView view) {
    return (int) view.decisions().stream()
        .filter(d -> d.kind() == DecisionKind.SILENT || d.kind() == DecisionKind.SUGGESTED).count();
  }

  private static boolean assistantDecision(Decision d) {
    return switch (d.kind()) {
      case SILENT, SUGGESTED, IDENTIFIED, REWRITTEN -> true;
      default -> false;
    };
  }

  private TicketEvent event(String id, TicketEventType type, TicketFacts facts, IncomingMessage message,
      Analyst analyst, String note) {
    return new TicketEvent("eval-" + (++events), type, Instant.ofEpochMilli(env.currentTimeMillis()), facts, message,
        analyst, note, null);
  }

  private void deliver(TicketEvent event) {
    TicketDelivery.signalWithStart(client, SOURCE, settings, event);
  }

  private TicketView view(String id) {
    return client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId(SOURCE, id)).view();
  }

  private TicketView await(String id, Predicate<TicketView> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      TicketView v = view(id);
      if (condition.test(v)) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("thread " + id + ": the ticket did not reach the expected state in "
            + WAIT.toSeconds() + " s; last decisions: " + v.decisions().subList(Math.max(0,
                v.decisions().size() - 3), v.decisions().size()));
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  static List<String> customerTurnsBefore(TicketFile.Item item) {
    List<String> turns = new ArrayList<>();
    for (int i = 0; i < item.resolvingMessage(); i++) {
      HistoricalTicket.Turn turn = item.ticket().messages().get(i);
      if (turn.role().equals("customer")) {
        turns.add(turn.text());
      }
    }
    return turns;
  }
}
