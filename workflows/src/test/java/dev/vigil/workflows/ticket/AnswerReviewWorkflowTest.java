package dev.vigil.workflows.ticket;

import static dev.vigil.workflows.testing.TicketWorkflowKit.awaitView;
import static dev.vigil.workflows.testing.TicketWorkflowKit.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.learning.ReviewVerdict;
import dev.vigil.workflows.testing.RecordingLearningActivities;
import dev.vigil.workflows.testing.RecordingOutbound;
import dev.vigil.workflows.testing.ScriptedAssistant;
import dev.vigil.workflows.testing.TicketEvents;
import dev.vigil.workflows.testing.TicketWorkflowKit;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An answer Vigil offered is reviewed against the conversation 20 minutes later, while the ticket is still open (a
 * workflow timer, time skipped): the review sees that answer and the turns since, and its outcome is in the decision
 * log. A ticket closed before then leaves the answer to the review at closure.
 */
class AnswerReviewWorkflowTest {
  private final ScriptedAssistant assistant = new ScriptedAssistant();
  private final RecordingOutbound outbound = new RecordingOutbound();
  private final RecordingLearningActivities learning = new RecordingLearningActivities();
  private final TicketSettings settings = TicketSettings.defaults();
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private String id;
  private TicketEvents e;

  @BeforeEach
  void start() {
    env = TicketWorkflowKit.newEnvironment(learning, assistant, outbound);
    client = env.getWorkflowClient();
    id = "R-" + UUID.randomUUID().toString().substring(0, 8);
    e = new TicketEvents(id);
    deliver(client, settings, e.created("Cannot log in", Priority.P2));
    deliver(client, settings, e.assigned("a-7", "Bob Analyst"));
    deliver(client, settings, e.customerSays("m1", "How do I reset my password?"));
    env.sleep(settings.assistantBatchWindow().plusMillis(500));
    awaitView(client, id, v -> v.suggestions().size() == 1);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private TicketWorkflow ticket() {
    return client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId("desk", id));
  }

  private TicketEvent dismiss(String suggestionId) {
    TicketEvent base = e.of(TicketEventType.SUGGESTION_DISMISSED);
    return new TicketEvent(base.eventId(), base.type(), base.occurredAt(), base.ticket(), null, null, null, "alice",
        new SuggestionFeedback(suggestionId, null, null, "not this"));
  }

  @Test
  void twentyMinutesAfterAnAnswerItIsReviewedAgainstTheConversationSince() {
    ticket().act(dismiss("S1"));
    deliver(client, settings, e.analystSays("m2", "Your account is locked after five attempts; I unlocked it."));
    learning.openAnswerVerdict = new ReviewVerdict("k", "S1", List.of("faq-password"), ReviewVerdict.DELETE, null,
        "dismissed", "S1 was dismissed and the analyst answered otherwise");
    awaitView(client, id, v -> v.messages().size() == 2);
    assertThat(learning.openAnswerReviews).as("not before its time").isEmpty();

    env.sleep(settings.answerReviewAfter());

    TicketView view = awaitView(client, id, v -> v.decisions().stream()
        .anyMatch(d -> d.kind() == DecisionKind.ANSWER_REVIEWED));
    assertThat(learning.openAnswerReviews).singleElement().satisfies(r -> {
      assertThat(r.suggestionId()).isEqualTo("S1");
      assertThat(r.ticketWorkflowId()).isEqualTo(TicketIds.workflowId("desk", id));
      assertThat(r.ticket().suggestions()).extracting(Suggestion::id).containsExactly("S1");
      assertThat(r.ticket().suggestions().get(0).state()).isEqualTo(SuggestionState.DISMISSED);
      assertThat(r.ticket().messages()).extracting(Message::id).contains("m2").doesNotContain("m1");
    });
    assertThat(view.decisions()).anySatisfy(d -> {
      assertThat(d.kind()).isEqualTo(DecisionKind.ANSWER_REVIEWED);
      assertThat(d.action()).isEqualTo("reviewed S1: delete delete-applied faq-password");
      assertThat(d.reason()).contains("answered otherwise");
    });

    env.sleep(settings.answerReviewAfter().multipliedBy(3));
    assertThat(learning.openAnswerReviews).as("once").hasSize(1);
  }

  @Test
  void anUndecidedReviewIsLoggedAndLeftToClosure() {
    env.sleep(settings.answerReviewAfter().plusSeconds(1));

    TicketView view = awaitView(client, id, v -> v.decisions().stream()
        .anyMatch(d -> d.kind() == DecisionKind.ANSWER_REVIEWED));
    assertThat(view.decisions()).anySatisfy(d ->
        assertThat(d.action()).isEqualTo("reviewed S1: left to the review at closure"));
  }

  @Test
  void aTicketClosedBeforeTheReviewLeavesItToTheReviewAtClosure() {
    deliver(client, settings, e.resolved("Unlocked the account."));
    deliver(client, settings, e.of(TicketEventType.CLOSED));
    awaitView(client, id, v -> v.status() == TicketStatus.CLOSED);

    env.sleep(settings.answerReviewAfter().plus(Duration.ofMinutes(1)));

    assertThat(learning.openAnswerReviews).isEmpty();
    assertThat(ticket().view().decisions()).noneMatch(d -> d.kind() == DecisionKind.ANSWER_REVIEWED);
  }

  @Test
  void reviewsCanBeSwitchedOff() {
    String other = "R-" + UUID.randomUUID().toString().substring(0, 8);
    TicketEvents o = new TicketEvents(other);
    TicketSettings off = settings.withAnswerReviewAfter(Duration.ZERO);
    deliver(client, off, o.created("Cannot log in", Priority.P2));
    deliver(client, off, o.customerSays("m1", "How do I reset my password?"));
    env.sleep(settings.assistantBatchWindow().plusMillis(500));
    awaitView(client, other, v -> v.suggestions().size() == 1);

    env.sleep(Duration.ofHours(1));

    assertThat(learning.openAnswerReviews).extracting(r -> r.ticketWorkflowId())
        .doesNotContain(TicketIds.workflowId("desk", other));
  }
}
