package dev.vigil.activities.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeFilter;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.QualityCounters;
import dev.vigil.activities.knowledge.SharedEmbedder;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.ReviewVerdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writing and review-applying steps against a real index. One index for the class: every test works in a scope
 * (tenant) of its own, and global entries are only ever read or changed by the test that seeded them.
 */
class KnowledgeWriterTest {
  private static final String Q_ROTATE = "How do I rotate an API key without downtime?";
  private static final String Q_ROTATE_PARAPHRASE = "How can I rotate my API key without any downtime?";
  private static final String A_ROTATE = "Create a second key, deploy it to every client, then revoke the old key "
      + "under Settings > API keys.";
  private static final String Q_QUOTA = "Why do snapshots fail with QuotaExceeded?";
  private static final String A_QUOTA = "The project reached its snapshot quota; delete old snapshots or raise the "
      + "quota under Settings > Limits.";

  private static LuceneKnowledgeIndex index;
  private static KnowledgeWriter writer;

  @BeforeAll
  static void open(@TempDir Path dir) {
    index = LuceneKnowledgeIndex.open(dir, SharedEmbedder.get(), "standard", Clock.systemUTC());
    writer = new KnowledgeWriter(index, SharedEmbedder.get(), LearningSettings.defaults());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static LearningCase caseIn(String ticketId, String tenant, String scope, String entryStatus, int close) {
    return new LearningCase(ticketId, "ticket:desk:" + ticketId + "#" + close, tenant, scope, entryStatus, "api",
        "subject", List.of(), List.of(), null, List.of(), 0);
  }

  private static LearningCase caseIn(String ticketId, String tenant) {
    return caseIn(ticketId, tenant, tenant, "active", 1);
  }

  private static LearnedQa pair(LearningCase c, String question, String answer, String... messageIds) {
    return new LearnedQa(c.key() + "#qa1", question, answer, "api", List.of("api-key"), List.of(messageIds), "rules");
  }

  private static KnowledgeEntry entry(String id) {
    return index.get(id).orElseThrow();
  }

  private static long inScope(String scope) {
    return index.count(new KnowledgeFilter(null, scope, null));
  }

  private static KnowledgeEntry seed(String id, String scope, String question, String answer) {
    return index.upsert(KnowledgeEntry.draft(id, EntryKind.DOC, question, answer, "api", List.of("seeded"), scope,
        Provenance.imported("docs.jsonl"), EntryStatus.ACTIVE), 0);
  }

  private static ReviewVerdict verdict(LearningCase c, String verdict, String entryId, String corrected,
      String feedback) {
    return new ReviewVerdict(c.key() + "#review:S1", "S1", List.of(entryId), verdict, corrected, feedback,
        "S1 was " + feedback);
  }

  // ---------------------------------------------------------------- writing learned pairs

  @Test
  void writeCreatesALearnedEntryWithProvenanceSupportAndAnAuditNote() {
    LearningCase c = caseIn("W-1", "t-create");
    LearnedQa pair = pair(c, Q_ROTATE, A_ROTATE, "c1", "a2");

    KnowledgeChange change = writer.write(c, pair);

    assertThat(change.action()).isEqualTo(KnowledgeChange.CREATED);
    assertThat(change.version()).isEqualTo(1);
    KnowledgeEntry e = entry(change.entryId());
    assertThat(e.kind()).isEqualTo(EntryKind.QA);
    assertThat(e.question()).isEqualTo(Q_ROTATE);
    assertThat(e.answer()).isEqualTo(A_ROTATE);
    assertThat(e.product()).isEqualTo("api");
    assertThat(e.tags()).containsExactly("api-key");
    assertThat(e.scope()).isEqualTo("t-create");
    assertThat(e.status()).isEqualTo(EntryStatus.ACTIVE);
    assertThat(e.provenance().ticketIds()).containsExactly("W-1");
    assertThat(e.provenance().messageIds()).containsExactly("c1", "a2");
    assertThat(e.counters()).isEqualTo(QualityCounters.support(1));
    assertThat(e.change().action()).isEqualTo("learned");
    assertThat(e.change().actor()).isEqualTo("learning");
    assertThat(e.change().ref()).isEqualTo(pair.key());
    assertThat(e.change().reason()).contains("W-1");
  }

  @Test
  void writingTheSamePairAgainChangesNothing() {
    LearningCase c = caseIn("W-2", "t-retry");
    LearnedQa pair = pair(c, Q_ROTATE, A_ROTATE, "c1", "a2");
    KnowledgeChange first = writer.write(c, pair);

    KnowledgeChange retry = writer.write(c, pair);

    assertThat(retry.action()).isEqualTo(KnowledgeChange.UNCHANGED);
    assertThat(retry.entryId()).isEqualTo(first.entryId());
    assertThat(retry.version()).isEqualTo(1);
    assertThat(inScope("t-retry")).isEqualTo(1);
    assertThat(index.history(first.entryId())).hasSize(1);
    assertThat(entry(first.entryId()).counters().support()).isEqualTo(1);
  }

  @Test
  void aDraftPolicyWritesDrafts() {
    LearningCase c = caseIn("W-3", "t-draft", "t-draft", "draft", 1);

    KnowledgeChange change = writer.write(c, pair(c, Q_QUOTA, A_QUOTA, "c1"));

    assertThat(entry(change.entryId()).status()).isEqualTo(EntryStatus.DRAFT);
    assertThat(index.search(KnowledgeQuery.of(Q_QUOTA, "t-draft"))).extracting(h -> h.entry().id())
        .as("a draft is not served").doesNotContain(change.entryId());
  }

  @Test
  void aParaphraseFromAnotherTicketOfTheSameScopeMerges() {
    LearningCase first = caseIn("M-1", "t-merge");
    KnowledgeChange created = writer.write(first, pair(first, Q_ROTATE, A_ROTATE, "c1", "a2"));
    LearningCase second = caseIn("M-2", "t-merge");
    LearnedQa paraphrase = pair(second, Q_ROTATE_PARAPHRASE, A_ROTATE, "c7", "a9");

    KnowledgeChange merged = writer.write(second, paraphrase);

    assertThat(merged.action()).as(merged.reason()).isEqualTo(KnowledgeChange.MERGED);
    assertThat(merged.entryId()).isEqualTo(created.entryId());
    assertThat(merged.version()).isEqualTo(2);
    assertThat(inScope("t-merge")).isEqualTo(1);
    KnowledgeEntry e = entry(created.entryId());
    assertThat(e.counters().support()).isEqualTo(2);
    assertThat(e.provenance().ticketIds()).containsExactly("M-1", "M-2");
    assertThat(e.provenance().messageIds()).containsExactly("c1", "a2", "c7", "a9");
    assertThat(e.question()).isEqualTo(Q_ROTATE);
    assertThat(e.change().action()).isEqualTo("merged");
    assertThat(e.change().ref()).isEqualTo(paraphrase.key());

    // a retried merge is found by its key, and the same ticket closing again does not count twice
    assertThat(writer.write(second, paraphrase).action()).isEqualTo(KnowledgeChange.UNCHANGED);
    LearningCase reclosed = caseIn("M-2", "t-merge", "t-merge", "active", 2);
    assertThat(writer.write(reclosed, pair(reclosed, Q_ROTATE_PARAPHRASE, A_ROTATE, "c12")).action())
        .isEqualTo(KnowledgeChange.UNCHANGED);
    assertThat(entry(created.entryId()).counters().support()).isEqualTo(2);
    assertThat(index.history(created.entryId())).hasSize(2);
  }

  @Test
  void theSamePairInAnotherTenantsScopeIsASeparateEntry() {
    LearningCase acme = caseIn("X-1", "t-tenant-a");
    KnowledgeChange a = writer.write(acme, pair(acme, Q_ROTATE, A_ROTATE, "c1"));
    LearningCase globex = caseIn("X-2", "t-tenant-b");

    KnowledgeChange b = writer.write(globex, pair(globex, Q_ROTATE, A_ROTATE, "c1"));

    assertThat(b.action()).isEqualTo(KnowledgeChange.CREATED);
    assertThat(b.entryId()).isNotEqualTo(a.entryId());
    assertThat(entry(b.entryId()).scope()).isEqualTo("t-tenant-b");
    assertThat(entry(b.entryId()).provenance().ticketIds()).containsExactly("X-2");
    assertThat(entry(a.entryId()).counters().support()).isEqualTo(1);
    assertThat(entry(a.entryId()).provenance().ticketIds()).containsExactly("X-1");
  }

  // ---------------------------------------------------------------- applying review verdicts

  @Test
  void keepingTwiceCountsOnce() {
    seed("faq-keep", "global", Q_ROTATE, A_ROTATE);
    LearningCase c = caseIn("K-1", "t-keep");
    ReviewVerdict keep = verdict(c, ReviewVerdict.KEEP, "faq-keep", null, "adopted");

    List<KnowledgeChange> first = writer.apply(c, keep);
    List<KnowledgeChange> again = writer.apply(c, keep);

    assertThat(first).singleElement().satisfies(ch -> {
      assertThat(ch.action()).isEqualTo(KnowledgeChange.KEPT);
      assertThat(ch.version()).isEqualTo(2);
    });
    assertThat(again).singleElement().extracting(KnowledgeChange::action).isEqualTo(KnowledgeChange.UNCHANGED);
    KnowledgeEntry e = entry("faq-keep");
    assertThat(e.counters()).isEqualTo(new QualityCounters(1, 1, 0, 0, 0, 1));
    assertThat(e.answer()).isEqualTo(A_ROTATE);
    assertThat(e.status()).isEqualTo(EntryStatus.ACTIVE);
    assertThat(e.change().action()).isEqualTo("kept");
    assertThat(e.change().ref()).isEqualTo(keep.key());
    assertThat(index.history("faq-keep")).hasSize(2);
  }

  @Test
  void anAnswerReviewedWhileTheTicketWasOpenIsNotJudgedAgainAtClosure() {
    seed("faq-early", "global", Q_QUOTA, A_QUOTA);
    LearningCase open = caseIn("K-3", "t-early", "t-early", "active", 0);
    ReviewVerdict early = new ReviewVerdict(ReviewVerdict.earlyKey(open.ticketWorkflowId(), "S1"), "S1",
        List.of("faq-early"), ReviewVerdict.KEEP, null, "answered", "the customer confirmed S1 helped");
    LearningCase closed = caseIn("K-3", "t-early", "t-early", "active", 1);

    assertThat(writer.apply(open, early)).singleElement().extracting(KnowledgeChange::action)
        .isEqualTo(KnowledgeChange.KEPT);
    List<KnowledgeChange> atClosure = writer.apply(closed, verdict(closed, ReviewVerdict.KEEP, "faq-early", null,
        "answered"));

    assertThat(atClosure).singleElement().satisfies(ch -> {
      assertThat(ch.action()).isEqualTo(KnowledgeChange.UNCHANGED);
      assertThat(ch.reason()).contains("already reviewed while the ticket was open");
    });
    assertThat(entry("faq-early").counters().support()).as("counted once").isEqualTo(1);
  }

  @Test
  void aVerdictOnAnEntryThatNoLongerExistsIsSkipped() {
    LearningCase c = caseIn("K-2", "t-keep2");

    assertThat(writer.apply(c, verdict(c, ReviewVerdict.KEEP, "faq-gone", null, "adopted")))
        .singleElement().extracting(KnowledgeChange::action).isEqualTo(KnowledgeChange.SKIPPED);
    assertThat(index.get("faq-gone")).isEmpty();
  }

  @Test
  void modifyingAnEntryOfTheCasesScopeWritesANewVersionWithTheCorrectedAnswer() {
    seed("t-mod-rotate", "t-mod", Q_ROTATE, "Revoke the old key under Settings > API keys.");
    LearningCase c = caseIn("D-1", "t-mod");
    ReviewVerdict modify = verdict(c, ReviewVerdict.MODIFY, "t-mod-rotate",
        "Hi <name>,\n" + A_ROTATE + "\nBest regards,\n<name>", "edited");

    List<KnowledgeChange> changes = writer.apply(c, modify);

    assertThat(changes).singleElement().satisfies(ch -> {
      assertThat(ch.action()).isEqualTo(KnowledgeChange.MODIFIED);
      assertThat(ch.entryId()).isEqualTo("t-mod-rotate");
      assertThat(ch.version()).isEqualTo(2);
    });
    KnowledgeEntry e = entry("t-mod-rotate");
    assertThat(e.answer()).isEqualTo(A_ROTATE);
    assertThat(e.question()).isEqualTo(Q_ROTATE);
    assertThat(e.provenance().ticketIds()).containsExactly("D-1");
    assertThat(e.change().action()).isEqualTo("modified");
    assertThat(index.history("t-mod-rotate")).extracting(KnowledgeEntry::answer)
        .containsExactly("Revoke the old key under Settings > API keys.", A_ROTATE);
    assertThat(inScope("t-mod")).isEqualTo(1);

    assertThat(writer.apply(c, modify)).singleElement().extracting(KnowledgeChange::action)
        .isEqualTo(KnowledgeChange.UNCHANGED);
    assertThat(index.history("t-mod-rotate")).hasSize(2);
  }

  @Test
  void modifyingAGlobalEntryForATenantCreatesALinkedCorrectionInTheTenantsScope() {
    seed("faq-global-quota", "global", Q_QUOTA, "Snapshots are limited; contact sales.");
    LearningCase c = caseIn("D-2", "t-mod2");
    ReviewVerdict modify = verdict(c, ReviewVerdict.MODIFY, "faq-global-quota", A_QUOTA, "edited");

    List<KnowledgeChange> changes = writer.apply(c, modify);

    assertThat(changes).singleElement().satisfies(ch -> assertThat(ch.action()).isEqualTo(KnowledgeChange.MODIFIED));
    String correctionId = changes.get(0).entryId();
    assertThat(correctionId).isNotEqualTo("faq-global-quota");
    KnowledgeEntry correction = entry(correctionId);
    assertThat(correction.scope()).isEqualTo("t-mod2");
    assertThat(correction.tags()).contains("corrects:faq-global-quota");
    assertThat(correction.question()).isEqualTo(Q_QUOTA);
    assertThat(correction.answer()).isEqualTo(A_QUOTA);
    assertThat(correction.status()).isEqualTo(EntryStatus.ACTIVE);
    assertThat(correction.provenance().ticketIds()).containsExactly("D-2");

    KnowledgeEntry global = entry("faq-global-quota");
    assertThat(global.answer()).as("other tenants keep the shared answer")
        .isEqualTo("Snapshots are limited; contact sales.");
    assertThat(global.scope()).isEqualTo("global");
    assertThat(global.change().reason()).contains(correctionId);

    List<KnowledgeHit> tenantHits = index.search(KnowledgeQuery.of(Q_QUOTA, "t-mod2"));
    assertThat(tenantHits).extracting(h -> h.entry().id()).contains(correctionId);
    assertThat(index.search(KnowledgeQuery.of(Q_QUOTA, "t-other"))).extracting(h -> h.entry().id())
        .doesNotContain(correctionId);

    assertThat(writer.apply(c, modify)).singleElement().extracting(KnowledgeChange::action)
        .isEqualTo(KnowledgeChange.UNCHANGED);
    assertThat(inScope("t-mod2")).isEqualTo(1);
  }

  @Test
  void deletingAnEntryOfTheCasesScopeRetiresIt_andARevertBringsVersionOneBack() {
    LearningCase learnedFrom = caseIn("R-1", "t-del");
    String id = writer.write(learnedFrom, pair(learnedFrom, Q_QUOTA, A_QUOTA, "c1")).entryId();
    KnowledgeEntry v1 = entry(id);
    LearningCase c = caseIn("R-2", "t-del");

    List<KnowledgeChange> changes = writer.apply(c, verdict(c, ReviewVerdict.DELETE, id, null, "dismissed"));

    assertThat(changes).singleElement().satisfies(ch -> {
      assertThat(ch.action()).isEqualTo(KnowledgeChange.RETIRED);
      assertThat(ch.version()).isEqualTo(2);
    });
    KnowledgeEntry retired = entry(id);
    assertThat(retired.status()).isEqualTo(EntryStatus.RETIRED);
    assertThat(retired.counters().dismissed()).isEqualTo(1);
    assertThat(retired.change().action()).isEqualTo("retired");
    assertThat(index.search(KnowledgeQuery.of(Q_QUOTA, "t-del"))).extracting(h -> h.entry().id())
        .doesNotContain(id);

    KnowledgeEntry reverted = index.revert(id, 1, retired.version(),
        EntryChange.by("analyst", "reverted", "retired by mistake"));

    assertThat(reverted.version()).isEqualTo(3);
    assertThat(reverted.status()).isEqualTo(EntryStatus.ACTIVE);
    assertThat(reverted.sameContentAs(v1)).isTrue();
    assertThat(entry(id).answer()).isEqualTo(A_QUOTA);
    assertThat(index.history(id)).extracting(v -> v.change().action()).containsExactly("learned", "retired",
        "reverted");
    assertThat(index.search(KnowledgeQuery.of(Q_QUOTA, "t-del"))).extracting(h -> h.entry().id()).contains(id);
  }

  @Test
  void deletingAGlobalEntryForAPrivateTenantOnlyCountsAgainstIt() {
    seed("faq-global-del", "global", Q_ROTATE, A_ROTATE);
    LearningCase c = caseIn("R-3", "t-del2");

    List<KnowledgeChange> changes = writer.apply(c, verdict(c, ReviewVerdict.DELETE, "faq-global-del", null,
        "disliked"));

    assertThat(changes).singleElement().satisfies(ch -> {
      assertThat(ch.action()).isEqualTo(KnowledgeChange.KEPT);
      assertThat(ch.reason()).contains("not retired");
    });
    KnowledgeEntry e = entry("faq-global-del");
    assertThat(e.status()).isEqualTo(EntryStatus.ACTIVE);
    assertThat(e.answer()).isEqualTo(A_ROTATE);
    assertThat(e.counters()).isEqualTo(new QualityCounters(1, 0, 0, 0, 1, 0));
  }

  @Test
  void aTenantThatSharesMayRetireAGlobalEntry() {
    seed("faq-global-shared-del", "global", "Where can I download my invoices?",
        "Invoices are under Billing > Documents as PDF.");
    LearningCase c = caseIn("R-4", "t-sharing", "global", "active", 1);

    assertThat(writer.apply(c, verdict(c, ReviewVerdict.DELETE, "faq-global-shared-del", null, "dismissed")))
        .singleElement().extracting(KnowledgeChange::action).isEqualTo(KnowledgeChange.RETIRED);
    assertThat(entry("faq-global-shared-del").status()).isEqualTo(EntryStatus.RETIRED);
  }
}
