package dev.vigil.activities.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.workflows.learning.AnswerReviewOutcome;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.OpenAnswerReview;
import dev.vigil.workflows.learning.ReviewVerdict;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review of an answer on an open ticket through the real learning activities and a real index: an entry whose
 * answer the analyst dismissed and then contradicted is retired at once, so the next customer is not offered it.
 */
class ReviewOpenAnswerTest {
  private static final String QUESTION = "Why do snapshots fail with QuotaExceeded?";
  private static final String ANSWER = "Delete old snapshots or raise the snapshot quota under Settings > Limits.";

  @TempDir
  Path dir;

  @Test
  void anEntryProvedWrongWhileTheTicketIsOpenStopsBeingSuggested() {
    LearningSettings settings = LearningSettings.defaults();
    try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir, SharedEmbedder.get(), "standard",
        Clock.systemUTC())) {
      index.upsert(KnowledgeEntry.draft("qa-quota", EntryKind.QA, QUESTION, ANSWER, "storage", List.of(), "acme",
          Provenance.learned("T-1", List.of("m1")), EntryStatus.ACTIVE), 0);
      LearningActivitiesImpl activities = new LearningActivitiesImpl(new CasePreparer(new Redactor(), settings),
          new AnswerReviewer(SharedEmbedder.get(), settings), new OpenAnswerReviewer(SharedEmbedder.get(), settings),
          new RuleBasedQaExtractor(settings), new KnowledgeWriter(index, SharedEmbedder.get(), settings),
          new SimpleMeterRegistry());
      String workflowId = TicketIds.workflowId("desk", "T-2");
      TicketView ticket = new TicketView("T-2", workflowId, TicketStatus.ESCALATED, "Snapshots fail", null, null,
          "storage", new Customer("cust-9", "acme", "Grace Hopper", "grace@example.com"),
          new Analyst("a-1", "Bob Analyst"), false,
          List.of(LearningFixtures.customerSays("m2", "Grace Hopper", "Any news on the snapshots?"),
              LearningFixtures.analystSays("m3", "Bob Analyst", "Your service account's credential had expired; I "
                  + "issued a new key for the project and the jobs authenticate again.")), 1,
          List.of(LearningFixtures.suggestion("S1", ANSWER, List.of("qa-quota"), SuggestionState.DISMISSED, null)),
          List.of(), 0, List.of(), null, null, List.of(), List.of(), LearningFixtures.T0, LearningFixtures.T0,
          null, null, 4, 0, 0, 0);

      AnswerReviewOutcome outcome = activities.reviewOpenAnswer(new OpenAnswerReview(workflowId, ticket, "S1"));

      assertThat(outcome.verdict()).as(outcome.reason()).isNotNull();
      assertThat(outcome.verdict().verdict()).isEqualTo(ReviewVerdict.DELETE);
      assertThat(outcome.changes()).singleElement().extracting(KnowledgeChange::action)
          .isEqualTo(KnowledgeChange.RETIRED);
      assertThat(index.get("qa-quota")).get().satisfies(e -> {
        assertThat(e.status()).isEqualTo(EntryStatus.RETIRED);
        assertThat(e.change().ref()).isEqualTo(ReviewVerdict.earlyKey(workflowId, "S1"));
        assertThat(e.change().reason()).doesNotContain("Grace").doesNotContain("grace@example.com");
      });
      List<KnowledgeHit> next = index.search(KnowledgeQuery.of("snapshots fail with QuotaExceeded", "acme"));
      assertThat(next).extracting(h -> h.entry().id()).doesNotContain("qa-quota");
      assertThat(activities.reviewOpenAnswer(new OpenAnswerReview(workflowId, ticket, "S1")).changes())
          .as("a retried review applies once").singleElement().extracting(KnowledgeChange::action)
          .isEqualTo(KnowledgeChange.UNCHANGED);
    }
  }
}
