package dev.vigil.activities.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KnowledgeIndex} must have. Each implementation's test class extends this and supplies
 * a fresh, empty index and a way to reopen it on the same storage.
 */
public abstract class KnowledgeIndexContract {
  protected KnowledgeIndex index;

  /** A new, empty index. */
  protected abstract KnowledgeIndex openFresh();

  /** Closes {@code index} and opens the same storage again, as after a restart. */
  protected abstract KnowledgeIndex reopen(KnowledgeIndex index);

  @BeforeEach
  void openIndex() {
    index = openFresh();
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  private static KnowledgeEntry entry(String id, String scope, EntryStatus status, String question, String answer) {
    return KnowledgeEntry.draft(id, EntryKind.CUSTOM, question, answer, null, List.of(), scope,
        Provenance.none(), status);
  }

  @Test
  void hybridSearchFindsTheEntryAParaphraseAsksFor() {
    BulkResult loaded = index.bulkUpsert(KnowledgeFixture.entries());
    assertThat(loaded.written()).isEqualTo(KnowledgeFixture.entries().size());
    for (KnowledgeFixture.Probe probe : KnowledgeFixture.probes()) {
      List<KnowledgeHit> hits = index.search(KnowledgeQuery.of(probe.question(), "acme"));
      assertThat(hits).as(probe.question()).isNotEmpty();
      assertThat(hits.get(0).entry().id()).as(probe.question()).isEqualTo(probe.expectedId());
      assertThat(hits.get(0).rank()).isEqualTo(1);
      assertThat(hits.get(0).cosine()).as("kNN contributed").isNotNull().isBetween(0.3, 1.0);
    }
  }

  @Test
  void hitsCarryFusedAndPerRetrieverScores() {
    index.bulkUpsert(KnowledgeFixture.entries());
    KnowledgeQuery query = KnowledgeQuery.of("API rate limit 429", null);
    List<KnowledgeHit> hits = index.search(query);
    KnowledgeHit top = hits.get(0);
    assertThat(top.entry().id()).isEqualTo("faq-api-429");
    assertThat(top.bm25Rank()).isEqualTo(1);
    assertThat(top.bm25Score()).isPositive();
    assertThat(top.knnRank()).isNotNull();
    assertThat(top.score()).isEqualTo(1.0 / (60 + top.bm25Rank()) + 1.0 / (60 + top.knnRank()));
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
      assertThat(hits.get(i).rank()).isEqualTo(i + 1);
    }
    float[] vector = SharedEmbedder.get().embed(query.text());
    assertThat(index.knn(query, vector)).hasSizeLessThanOrEqualTo(query.k()).first()
        .satisfies(r -> assertThat(r.rank()).isEqualTo(1));
    assertThat(index.bm25(query).get(0).entry().id()).isEqualTo("faq-api-429");
  }

  /** The learned pair of issue 16: its answer reads nothing like its question. */
  static KnowledgeEntry learnedWebhookTimeout() {
    return KnowledgeEntry.draft("learned-webhook", EntryKind.QA,
        "Our event webhook deliveries all time out after 10 seconds and then get retried",
        "Endpoint was processing synchronously. Return 200 at once and process events asynchronously; timeout is "
            + "10 s.", null, List.of(), "acme", Provenance.learned("T-1", List.of("m1")), EntryStatus.ACTIVE);
  }

  @Test
  void aLearnedEntryIsFoundByItsQuestionAndByItsAnswer() {
    index.bulkUpsert(KnowledgeFixture.entries());
    index.upsert(learnedWebhookTimeout(), 0);

    KnowledgeHit paraphrase = index.search(KnowledgeQuery.of(
        "Why do your webhook calls to our server keep timing out and getting retried?", "acme")).get(0);
    assertThat(paraphrase.entry().id()).isEqualTo("learned-webhook");
    assertThat(paraphrase.questionKnnRank()).as("found by its question").isEqualTo(1);
    assertThat(paraphrase.questionCosine()).isGreaterThan(0.6);
    assertThat(paraphrase.bestCosine()).isEqualTo(paraphrase.questionCosine());

    KnowledgeHit byAnswer = index.search(KnowledgeQuery.of(
        "should the endpoint return 200 immediately and process events asynchronously?", "acme")).get(0);
    assertThat(byAnswer.entry().id()).isEqualTo("learned-webhook");
    assertThat(byAnswer.knnRank()).as("found by its answer").isEqualTo(1);

    KnowledgeHit repeat = index.search(KnowledgeQuery.of(
        "Our event webhook deliveries all time out after 10 seconds and then get retried", "acme")).get(0);
    assertThat(repeat.entry().id()).isEqualTo("learned-webhook");
    assertThat(repeat.questionCosine()).isGreaterThan(0.99);
  }

  @Test
  void curatedEntriesHaveNoQuestionLeg_andTheirFusedScoreIsUnchanged() {
    index.bulkUpsert(KnowledgeFixture.entries());
    index.upsert(learnedWebhookTimeout(), 0);
    for (KnowledgeHit hit : index.search(KnowledgeQuery.of("API rate limit 429", "acme"))) {
      if (hit.entry().kind() != EntryKind.QA) {
        assertThat(hit.questionKnnRank()).as(hit.entry().id()).isNull();
        assertThat(hit.questionCosine()).isNull();
      }
    }
  }

  @Test
  void aRewrittenLearnedEntryIsFoundByItsNewQuestion() {
    KnowledgeEntry first = index.upsert(learnedWebhookTimeout(), 0);
    KnowledgeEntry changed = new KnowledgeEntry(first.id(), first.kind(),
        "Printer prints blank pages after the toner change", first.answer(), null, List.of(), first.scope(),
        first.provenance(), first.status(), first.version(), first.createdAt(), first.updatedAt(), first.counters(),
        null);
    index.upsert(changed, first.version());
    KnowledgeHit hit = index.search(KnowledgeQuery.of("blank pages printed since the toner was changed", "acme"))
        .get(0);
    assertThat(hit.entry().id()).isEqualTo("learned-webhook");
    assertThat(hit.questionCosine()).isGreaterThan(0.5);
  }

  @Test
  void aTenantNeverSeesAnotherTenantsEntries() {
    index.upsert(entry("acme-secret", "acme", EntryStatus.ACTIVE,
        "How do we restart the acme billing exporter?", "Run exporter-restart on host billing-7."), 0);
    index.upsert(entry("globex-secret", "globex", EntryStatus.ACTIVE,
        "How do we restart the globex billing exporter?", "Run exporter-restart on host gx-3."), 0);
    index.upsert(entry("global-doc", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE,
        "How do I restart a billing exporter?", "Use the console's Restart button."), 0);

    assertThat(ids(index.search(KnowledgeQuery.of("restart the acme billing exporter", "globex"))))
        .contains("globex-secret", "global-doc").doesNotContain("acme-secret");
    assertThat(ids(index.search(KnowledgeQuery.of("restart the acme billing exporter", "acme"))))
        .contains("acme-secret", "global-doc").doesNotContain("globex-secret");
    assertThat(ids(index.search(KnowledgeQuery.of("restart billing exporter", null))))
        .containsExactly("global-doc");
  }

  @Test
  void onlyActiveEntriesAreSearchedUnlessAsked() {
    index.upsert(entry("active", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "Printer jams on page two",
        "Remove the rear tray and clear the roller."), 0);
    index.upsert(entry("draft", KnowledgeEntry.GLOBAL, EntryStatus.DRAFT, "Printer jams on every page",
        "Replace the roller kit."), 0);
    KnowledgeEntry retired = index.upsert(entry("retired", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE,
        "Printer jams constantly", "Shake the toner."), 0);
    index.retire("retired", retired.version());

    assertThat(ids(index.search(KnowledgeQuery.of("printer jams", null)))).containsExactly("active");
    KnowledgeQuery drafts = new KnowledgeQuery("printer jams", null, null, Set.of(EntryStatus.DRAFT), 10, 50);
    assertThat(ids(index.search(drafts))).containsExactly("draft");
  }

  @Test
  void productFilterKeepsThatProductAndProductlessEntries() {
    index.bulkUpsert(KnowledgeFixture.entries());
    index.upsert(KnowledgeEntry.draft("any-product", EntryKind.DOC, "How do I contact the status page?",
        "See status.example.com for incidents.", null, List.of(), KnowledgeEntry.GLOBAL, null, null), 0);
    KnowledgeQuery storage = new KnowledgeQuery("status of incidents and snapshots", null, "storage", null, 10, 50);
    assertThat(index.search(storage)).extracting(h -> h.entry().product())
        .allMatch(p -> p == null || p.equals("storage"));
    assertThat(ids(index.search(storage))).contains("any-product", "faq-quota");
  }

  @Test
  void optimisticConcurrencyRejectsStaleWrites() {
    KnowledgeEntry first = index.upsert(entry("occ", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "v1"), 0);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.createdAt()).isNotNull();
    assertThatThrownBy(() -> index.upsert(entry("occ", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "again"), 0))
        .isInstanceOf(StaleVersionException.class).hasMessageContaining("version 1");
    KnowledgeEntry second = index.upsert(entry("occ", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "v2"), 1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    StaleVersionException stale = org.junit.jupiter.api.Assertions.assertThrows(StaleVersionException.class,
        () -> index.upsert(entry("occ", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "lost"), 1));
    assertThat(stale.actual()).isEqualTo(2);
    assertThat(index.get("occ")).get().extracting(KnowledgeEntry::answer).isEqualTo("v2");
    assertThatThrownBy(() -> index.upsert(entry("missing", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "a"), 3))
        .isInstanceOf(StaleVersionException.class);
  }

  @Test
  void concurrentWritersOfTheSameVersion_exactlyOneWins() throws Exception {
    index.upsert(entry("race", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "v1"), 0);
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String answer = "writer " + i;
        Callable<Boolean> write = () -> {
          start.await();
          try {
            index.upsert(entry("race", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", answer), 1);
            return true;
          } catch (StaleVersionException e) {
            return false;
          }
        };
        results.add(pool.submit(write));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(index.get("race")).get().extracting(KnowledgeEntry::version).isEqualTo(2L);
      assertThat(index.history("race")).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyVersionIsKeptInTheHistory() {
    index.upsert(entry("hist", KnowledgeEntry.GLOBAL, EntryStatus.DRAFT, "q", "first"), 0);
    index.upsert(entry("hist", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "second"), 1);
    index.upsert(entry("hist", KnowledgeEntry.GLOBAL, EntryStatus.ACTIVE, "q", "third"), 2);
    List<KnowledgeEntry> history = index.history("hist");
    assertThat(history).extracting(KnowledgeEntry::version).containsExactly(1L, 2L, 3L);
    assertThat(history).extracting(KnowledgeEntry::answer).containsExactly("first", "second", "third");
    assertThat(history).extracting(KnowledgeEntry::status)
        .containsExactly(EntryStatus.DRAFT, EntryStatus.ACTIVE, EntryStatus.ACTIVE);
    assertThat(index.history("nope")).isEmpty();
  }

  @Test
  void retireAndRestoreRoundTrip_restoringTheEarlierStatus() {
    KnowledgeEntry draft = index.upsert(entry("rr", KnowledgeEntry.GLOBAL, EntryStatus.DRAFT,
        "Router reboots at night", "Disable auto-update."), 0);
    KnowledgeEntry retired = index.retire("rr", draft.version());
    assertThat(retired.status()).isEqualTo(EntryStatus.RETIRED);
    assertThat(retired.version()).isEqualTo(2);
    KnowledgeQuery drafts = new KnowledgeQuery("router reboots", null, null, Set.of(EntryStatus.DRAFT), 10, 50);
    assertThat(index.search(drafts)).isEmpty();
    assertThatThrownBy(() -> index.restore("rr", 1)).isInstanceOf(StaleVersionException.class);

    KnowledgeEntry restored = index.restore("rr", 2);
    assertThat(restored.status()).isEqualTo(EntryStatus.DRAFT);
    assertThat(ids(index.search(drafts))).containsExactly("rr");
    assertThatThrownBy(() -> index.restore("rr", 3)).isInstanceOf(EntryStateException.class);
  }

  @Test
  void bulkUpsertIsIdempotent_andVersionsChangedEntries() {
    List<KnowledgeEntry> entries = KnowledgeFixture.entries();
    assertThat(index.bulkUpsert(entries)).isEqualTo(new BulkResult(entries.size(), 0, List.of()));
    assertThat(index.bulkUpsert(entries)).isEqualTo(new BulkResult(0, entries.size(), List.of()));

    KnowledgeEntry changed = KnowledgeFixture.faq("faq-invoice", "billing", "Where can I download my invoices?",
        "Invoices are under Billing > Invoices now.", "invoice");
    BulkResult again = index.bulkUpsert(List.of(changed, entries.get(0)));
    assertThat(again.written()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(index.get("faq-invoice")).get().satisfies(e -> {
      assertThat(e.version()).isEqualTo(2);
      assertThat(e.answer()).isEqualTo("Invoices are under Billing > Invoices now.");
    });
    assertThat(index.history("faq-invoice")).hasSize(2);
    BulkResult duplicates = index.bulkUpsert(List.of(entries.get(1), entries.get(1)));
    assertThat(duplicates.failures()).singleElement().asString().contains("twice");
  }

  @Test
  void listsAndCountsByStatusScopeAndKind() {
    index.bulkUpsert(KnowledgeFixture.entries());
    index.upsert(entry("t1", "acme", EntryStatus.DRAFT, "q1", "a1"), 0);
    index.upsert(entry("t2", "acme", EntryStatus.ACTIVE, "q2", "a2"), 0);
    int docs = KnowledgeFixture.entries().size();
    assertThat(index.count(KnowledgeFilter.ALL)).isEqualTo(docs + 2);
    assertThat(index.count(new KnowledgeFilter(EntryStatus.DRAFT, null, null))).isEqualTo(1);
    assertThat(index.count(new KnowledgeFilter(null, "acme", null))).isEqualTo(2);
    assertThat(index.count(new KnowledgeFilter(EntryStatus.ACTIVE, KnowledgeEntry.GLOBAL, EntryKind.DOC)))
        .isEqualTo(docs);
    assertThat(index.list(new KnowledgeFilter(null, "acme", EntryKind.CUSTOM), 0, 10))
        .extracting(KnowledgeEntry::id).containsExactlyInAnyOrder("t1", "t2");
    List<KnowledgeEntry> page1 = index.list(KnowledgeFilter.ALL, 0, 5);
    List<KnowledgeEntry> page2 = index.list(KnowledgeFilter.ALL, 5, 5);
    assertThat(page1).hasSize(5);
    assertThat(page2).hasSize(5);
    assertThat(ids2(page1)).doesNotContainAnyElementsOf(ids2(page2));
  }

  private static KnowledgeEntry learned(String id, String scope, String question, String answer, String ticket,
      String message) {
    return KnowledgeEntry.draft(id, EntryKind.QA, question, answer, null, List.of(), scope,
        Provenance.learned(ticket, List.of(message)), EntryStatus.ACTIVE)
        .withChange(new EntryChange("learned", "learned from ticket " + ticket + " (extractive)", "learning",
            "ticket:desk:" + ticket + "#1:extract"));
  }

  @Test
  void deleteRemovesTheEntryWithEveryVersion_evenAfterARestart() {
    index.upsert(entry("leak", "acme", EntryStatus.ACTIVE, "How do I connect?", "Use token sk-live-1"), 0);
    index.upsert(entry("leak", "acme", EntryStatus.ACTIVE, "How do I connect?", "Use your API token."), 1);
    index.upsert(entry("keep", "acme", EntryStatus.ACTIVE, "How do I reset?", "Hold the reset button."), 0);

    assertThat(index.delete("leak")).isTrue();

    assertThat(index.get("leak")).isEmpty();
    assertThat(index.history("leak")).isEmpty();
    assertThat(ids(index.search(new KnowledgeQuery("connect API token", "acme", null,
        Set.of(EntryStatus.ACTIVE, EntryStatus.DRAFT, EntryStatus.RETIRED), 10, 50)))).doesNotContain("leak");
    assertThat(index.count(KnowledgeFilter.ALL)).isEqualTo(1);
    assertThat(index.delete("leak")).as("nothing left to delete").isFalse();
    index = reopen(index);
    assertThat(index.get("leak")).isEmpty();
    assertThat(index.history("leak")).isEmpty();
    assertThat(index.get("keep")).isPresent();
    // the id is free again: a new entry under it starts its own history
    assertThat(index.upsert(entry("leak", "acme", EntryStatus.ACTIVE, "q", "a"), 0).version()).isEqualTo(1);
  }

  @Test
  void entriesAreFoundByTheTicketsAnyOfTheirVersionsWasLearnedFrom() {
    index.upsert(learned("a", "acme", "Webhook retries?", "Return 200 at once.", "T-1", "m1"), 0);
    KnowledgeEntry b = index.upsert(learned("b", "acme", "Export fails?", "Use the CSV export.", "T-2", "m2"), 0);
    // a later version of b no longer names T-2 (a revert to curated content): its history still does
    index.upsert(b.withProvenance(Provenance.imported("faq.md")), 1);
    index.upsert(learned("c", "acme", "Login loops?", "Clear cookies.", "T-3", "m3"), 0);

    assertThat(index.idsLearnedFrom(Set.of("T-1", "T-2"))).containsExactlyInAnyOrder("a", "b");
    assertThat(index.idsLearnedFrom(Set.of("T-9"))).isEmpty();
    assertThat(index.idsLearnedFrom(Set.of())).isEmpty();
  }

  @Test
  void rewritingVersionsKeepsTheirNumbersAndTheEntrySearchable() {
    KnowledgeEntry v1 = index.upsert(learned("w", "acme", "Why do webhook deliveries time out?",
        "Return 200 at once and process events asynchronously.", "T-1", "m1"), 0);
    index.upsert(v1.withProvenance(v1.provenance().plusTicket("T-2", List.of("m2"))), 1);

    index.rewriteVersions("w", e -> e.withProvenance(new Provenance(
        e.provenance().ticketIds().stream().filter(t -> !t.equals("T-1")).toList(), List.of(), null)));

    assertThat(index.history("w")).extracting(KnowledgeEntry::version).containsExactly(1L, 2L);
    assertThat(index.history("w")).allSatisfy(e -> assertThat(e.provenance().ticketIds()).doesNotContain("T-1"));
    assertThat(index.get("w")).get().satisfies(e -> {
      assertThat(e.version()).isEqualTo(2);
      assertThat(e.provenance().ticketIds()).containsExactly("T-2");
    });
    assertThat(ids(index.search(KnowledgeQuery.of("webhook deliveries time out", "acme")))).first().isEqualTo("w");
    assertThat(index.idsLearnedFrom(Set.of("T-1"))).isEmpty();
    index.rewriteVersions("missing", e -> e); // nothing to do, no error
  }

  @Test
  void erasingACustomersTicketsDeletesWhatOnlyTheyTaughtAndScrubsTheRest() {
    index.upsert(learned("only", "acme", "Webhook retries?", "Return 200 at once.", "T-1", "m1"), 0);
    KnowledgeEntry shared = index.upsert(learned("shared", "acme", "Export fails?", "Use the CSV export.", "T-1",
        "m1"), 0);
    index.upsert(shared.withProvenance(shared.provenance().plusTicket("T-7", List.of("m7")))
        .withChange(new EntryChange("merged", "also confirmed by ticket T-7", "learning", null)), 1);
    index.upsert(learned("other-tenant", "globex", "Login loops?", "Clear cookies.", "T-1", "g1"), 0);
    index.upsert(learned("unrelated", "acme", "Reset?", "Hold the button.", "T-7", "m7"), 0);

    var erasure = new dev.vigil.activities.knowledge.erasure.KnowledgeErasure(index);
    var tickets = new dev.vigil.activities.knowledge.erasure.ErasedTickets("acme", Set.of("T-1"),
        Set.of("ticket:desk:T-1"), Set.of("m1"));
    var result = erasure.erase(tickets);

    assertThat(result.deleted()).containsExactly("only");
    assertThat(result.scrubbed()).containsExactly("shared");
    assertThat(index.get("only")).isEmpty();
    assertThat(index.history("only")).isEmpty();
    assertThat(index.history("shared")).hasSize(2).allSatisfy(v -> {
      assertThat(v.provenance().ticketIds()).doesNotContain("T-1");
      assertThat(v.provenance().messageIds()).doesNotContain("m1");
      assertThat(v.change().reason()).doesNotContain("T-1");
      assertThat(v.change().ref() == null ? "" : v.change().ref()).doesNotContain("T-1");
    });
    assertThat(index.history("shared").get(0).change().reason()).isEqualTo("learned from an erased ticket "
        + "(extractive)");
    assertThat(index.get("shared")).get().satisfies(e -> assertThat(e.provenance().ticketIds())
        .containsExactly("T-7"));
    assertThat(index.get("other-tenant")).as("another tenant's ticket T-1 is another ticket").isPresent();
    assertThat(index.get("unrelated")).isPresent();
    assertThat(erasure.erase(tickets).deleted()).as("idempotent").isEmpty();
  }

  @Test
  void entriesSurviveARestart() {
    index.bulkUpsert(KnowledgeFixture.entries());
    index.upsert(entry("persist", "acme", EntryStatus.ACTIVE, "Backup agent crashes on start",
        "Upgrade the agent to 4.2."), 0);
    index.upsert(entry("persist", "acme", EntryStatus.ACTIVE, "Backup agent crashes on start",
        "Upgrade the agent to 4.3."), 1);
    index = reopen(index);
    assertThat(index.get("persist")).get().satisfies(e -> {
      assertThat(e.version()).isEqualTo(2);
      assertThat(e.answer()).isEqualTo("Upgrade the agent to 4.3.");
      assertThat(e.provenance()).isEqualTo(Provenance.none());
    });
    assertThat(index.history("persist")).hasSize(2);
    assertThat(ids(index.search(KnowledgeQuery.of("backup agent keeps crashing", "acme")))).first()
        .isEqualTo("persist");
    assertThat(index.health()).isNotBlank();
  }

  private static List<String> ids(List<KnowledgeHit> hits) {
    return hits.stream().map(h -> h.entry().id()).toList();
  }

  private static List<String> ids2(List<KnowledgeEntry> entries) {
    return entries.stream().map(KnowledgeEntry::id).toList();
  }
}
