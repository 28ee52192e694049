package dev.vigil.activities.assistant;

import static org.assertj.core.api.Assertions.assertThat;

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
}
