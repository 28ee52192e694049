package dev.vigil.activities.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.DialogueTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRewriterTest {

  @Test
  void dropsSmallTalkAndIdentifiers() {
    String query = QueryRewriter.rewrite("Backup issue", List.of(
        "Hello team,\nOur nightly backup fails with AccessDenied on request id 7f3a9c2e-11aa-4b7e-9c1d-2f5e6a7b8c9d."
            + " Instance i-0abc12345def67890 is affected. Thanks in advance"));
    assertThat(query).isEqualTo("Our nightly backup fails with AccessDenied on. Instance is affected.");
  }

  @Test
  void aGreetingOpeningTheQuestionIsDropped() {
    assertThat(QueryRewriter.rewrite("s", List.of("Hi, creating a snapshot fails with QuotaExceeded, what now?")))
        .isEqualTo("creating a snapshot fails with QuotaExceeded, what now?");
  }

  @Test
  void shortTurnsAreFilledInWithTheSubject() {
    assertThat(QueryRewriter.rewrite("Snapshots fail with QuotaExceeded", List.of("Why?")))
        .isEqualTo("Snapshots fail with QuotaExceeded Why?");
  }

  @Test
  void longTurnsAreCutToWhatTheEmbeddingModelReads() {
    String longTurn = "word ".repeat(300);
    assertThat(QueryRewriter.rewrite("s", List.of(longTurn)).split(" ")).hasSize(QueryRewriter.MAX_WORDS);
  }

  @Test
  void aFollowUpIsReadWithTheSubjectTheProblemAndTheAnalystsQuestion() {
    List<DialogueTurn> earlier = List.of(
        new DialogueTurn(DialogueTurn.CUSTOMER, "Hi"),
        new DialogueTurn(DialogueTurn.CUSTOMER, "Our MQTT broker drops every client after 60 seconds of silence."),
        new DialogueTurn(DialogueTurn.ANALYST, "Thanks for the details. Which keepalive do the clients send?"));
    assertThat(QueryRewriter.rewrite("Broker disconnects", List.of("30 seconds, I think."), earlier))
        .isEqualTo("Broker disconnects Our MQTT broker drops every client after 60 seconds of silence. "
            + "Which keepalive do the clients send? 30 seconds, I think.");
  }

  @Test
  void aFollowUpWithoutDialogueStillGetsTheSubject_aStandaloneTurnIsItsOwnQuery() {
    assertThat(QueryRewriter.rewrite("Broker disconnects", List.of("It still happens after the update."),
        List.of())).isEqualTo("Broker disconnects It still happens after the update.");
    String standalone = "Why does the broker drop clients that send a keepalive of 30 seconds every minute?";
    assertThat(QueryRewriter.rewrite("Broker disconnects", List.of(standalone),
        List.of(new DialogueTurn(DialogueTurn.CUSTOMER, "Something unrelated that was said before the question"))))
        .isEqualTo(standalone);
  }

  @Test
  void severalQuestionsBecomeSubQueries_oneQuestionNone() {
    assertThat(QueryRewriter.subQueries("How do I rotate the API key? And where do I see which key a call used?"))
        .containsExactly("How do I rotate the API key?", "And where do I see which key a call used?");
    assertThat(QueryRewriter.subQueries("How do I rotate the API key? Thanks?")).isEmpty();
    assertThat(QueryRewriter.subQueries("The key rotation fails with 403.")).isEmpty();
  }
}
