package dev.vigil.activities.learning;

import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.QualityCounters;
import dev.vigil.activities.knowledge.StaleVersionException;
import dev.vigil.workflows.learning.KnowledgeChange;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningCase;
import dev.vigil.workflows.learning.ReviewVerdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The de-duplicating and writing steps. Every write carries its step's key in the version's {@link EntryChange},
 * and a learned entry's id is derived from its pair's key, so a retried step finds what it already did and reports
 * {@code unchanged} instead of writing twice.
 */
public final class KnowledgeWriter {
  static final String ACTOR = "learning";
  /** An existing answer shorter than this is replaced by a longer learned one when they merge. */
  private static final int THIN_ANSWER_CHARS = 80;

  private final KnowledgeIndex index;
  private final Embedder embedder;
  private final LearningSettings settings;

  public KnowledgeWriter(KnowledgeIndex index, Embedder embedder, LearningSettings settings) {
    this.index = index;
    this.embedder = embedder;
    this.settings = settings;
  }

  /** The id of the entry learned from the pair with this key. */
  public static String learnedId(String pairKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(pairKey.getBytes(StandardCharsets.UTF_8));
      return "learned-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public KnowledgeChange write(LearningCase c, LearnedQa pair) {
    String id = learnedId(pair.key());
    Optional<KnowledgeEntry> existing = index.get(id);
    if (existing.isPresent()) {
      return new KnowledgeChange(KnowledgeChange.UNCHANGED, id, existing.get().version(),
          "already written by an earlier attempt");
    }
    Duplicate duplicate = nearDuplicate(c, pair);
    if (duplicate != null) {
      return merge(c, pair, duplicate);
    }
    KnowledgeEntry entry = KnowledgeEntry.draft(id, EntryKind.QA, pair.question(), pair.answer(), pair.product(),
        pair.tags(), c.scope(), Provenance.learned(c.ticketId(), pair.messageIds()), EntryStatus.fromWire(
            c.entryStatus()))
        .withCounters(QualityCounters.support(1))
        .withChange(new EntryChange("learned", "learned from ticket " + c.ticketId() + " (" + pair.source() + ")",
            ACTOR, pair.key()));
    try {
      KnowledgeEntry stored = index.upsert(entry, 0);
      return new KnowledgeChange(KnowledgeChange.CREATED, id, stored.version(), "new " + c.entryStatus()
          + " entry in scope " + c.scope() + "; no near-duplicate");
    } catch (StaleVersionException raced) {
      long version = index.get(id).map(KnowledgeEntry::version).orElse(0L);
      return new KnowledgeChange(KnowledgeChange.UNCHANGED, id, version, "already written by an earlier attempt");
    }
  }

  /** An existing entry the pair duplicates: its question's cosine to the pair's, and its BM25 rank. */
  private record Duplicate(KnowledgeEntry entry, double cosine, int bm25Rank) {}

  /**
   * The closest entry of the same scope and product whose question says the same as the pair's (cosine of the two
   * questions at the threshold) and which the lexical leg also found; candidates come from one hybrid search.
   */
  private Duplicate nearDuplicate(LearningCase c, LearnedQa pair) {
    List<KnowledgeHit> hits = index.search(new KnowledgeQuery(pair.question(), c.tenant(), pair.product(),
        Set.of(EntryStatus.ACTIVE, EntryStatus.DRAFT), 10, 50));
    float[] question = null;
    Duplicate best = null;
    for (KnowledgeHit hit : hits) {
      KnowledgeEntry e = hit.entry();
      boolean sameScope = e.scope().equals(c.scope()) && Objects.equals(e.product(), pair.product());
      if (!sameScope || hit.bm25Rank() == null || e.question() == null || e.question().isBlank()) {
        continue;
      }
      question = question == null ? embedder.embed(pair.question()) : question;
      double cosine = Embedder.cosine(question, embedder.embed(e.question()));
      if (cosine >= settings.duplicateCosine() && (best == null || cosine > best.cosine())) {
        best = new Duplicate(e, cosine, hit.bm25Rank());
      }
    }
    return best;
  }

  private KnowledgeChange merge(LearningCase c, LearnedQa pair, Duplicate duplicate) {
    KnowledgeEntry target = duplicate.entry();
    if (applied(target.id(), pair.key())) {
      return new KnowledgeChange(KnowledgeChange.UNCHANGED, target.id(), target.version(),
          "already merged by an earlier attempt");
    }
    if (target.provenance().ticketIds().contains(c.ticketId())) {
      return new KnowledgeChange(KnowledgeChange.UNCHANGED, target.id(), target.version(),
          "already learned from ticket " + c.ticketId() + " (an earlier closing)");
    }
    boolean improve = target.answer().strip().length() < THIN_ANSWER_CHARS
        && pair.answer().length() > target.answer().strip().length();
    String reason = String.format(Locale.ROOT, "near-duplicate of %s (cosine %.2f, BM25 rank %d): support +1, "
        + "provenance + %s; %s", target.id(), duplicate.cosine(), duplicate.bm25Rank(), c.ticketId(),
        improve ? "answer replaced by the more complete one" : "answer kept");
    KnowledgeEntry merged = target
        .withProvenance(target.provenance().plusTicket(c.ticketId(), pair.messageIds()))
        .withCounters(target.counters().plus(QualityCounters.support(1)))
        .withChange(new EntryChange("merged", reason, ACTOR, pair.key()));
    if (improve) {
      merged = merged.withAnswer(pair.answer());
    }
    KnowledgeEntry stored = index.upsert(merged, target.version());
    return new KnowledgeChange(KnowledgeChange.MERGED, target.id(), stored.version(), reason);
  }

  /** Applies a review verdict to each entry it cites. */
  public List<KnowledgeChange> apply(LearningCase c, ReviewVerdict verdict) {
    List<KnowledgeChange> changes = new ArrayList<>();
    for (String id : verdict.entryIds()) {
      Optional<KnowledgeEntry> found = index.get(id);
      if (found.isEmpty()) {
        changes.add(KnowledgeChange.skipped(id, "cited entry no longer exists"));
        continue;
      }
      KnowledgeEntry entry = found.get();
      if (applied(id, verdict.key())) {
        changes.add(new KnowledgeChange(KnowledgeChange.UNCHANGED, id, entry.version(),
            "review already applied by an earlier attempt"));
        continue;
      }
      String early = ReviewVerdict.earlyKey(c.ticketWorkflowId(), verdict.suggestionId());
      if (!verdict.key().equals(early) && applied(id, early)) {
        changes.add(new KnowledgeChange(KnowledgeChange.UNCHANGED, id, entry.version(),
            verdict.suggestionId() + " was already reviewed while the ticket was open"));
        continue;
      }
      changes.add(switch (verdict.verdict()) {
        case ReviewVerdict.KEEP -> keep(entry, verdict);
        case ReviewVerdict.MODIFY -> modify(c, entry, verdict);
        case ReviewVerdict.DELETE -> delete(c, entry, verdict);
        default -> throw new IllegalArgumentException("unknown verdict " + verdict.verdict());
      });
    }
    return changes;
  }

  private KnowledgeChange keep(KnowledgeEntry entry, ReviewVerdict verdict) {
    QualityCounters delta = switch (verdict.feedback()) {
      case "adopted" -> new QualityCounters(1, 1, 0, 0, 0, 1);
      case "liked" -> new QualityCounters(1, 1, 0, 1, 0, 1);
      case "answered", "matched" -> new QualityCounters(1, 0, 0, 0, 0, 1);
      case "dismissed" -> new QualityCounters(1, 0, 1, 0, 0, 0);
      case "disliked" -> new QualityCounters(1, 0, 0, 0, 1, 0);
      default -> new QualityCounters(1, 0, 0, 0, 0, 0);
    };
    KnowledgeEntry stored = index.upsert(entry.withCounters(entry.counters().plus(delta))
        .withChange(new EntryChange("kept", verdict.reason(), ACTOR, verdict.key())), entry.version());
    return new KnowledgeChange(KnowledgeChange.KEPT, entry.id(), stored.version(), verdict.reason());
  }

  private KnowledgeChange modify(LearningCase c, KnowledgeEntry entry, ReviewVerdict verdict) {
    String corrected = AnswerCleaner.clean(verdict.correctedAnswer(), settings.maxAnswerChars());
    if (corrected.isEmpty()) {
      return keep(entry, new ReviewVerdict(verdict.key(), verdict.suggestionId(), verdict.entryIds(),
          ReviewVerdict.KEEP, null, "adopted", verdict.reason() + "; the edit held nothing reusable, kept as is"));
    }
    if (entry.scope().equals(c.scope())) {
      KnowledgeEntry stored = index.upsert(entry.withAnswer(corrected)
          .withProvenance(entry.provenance().plusTicket(c.ticketId(), List.of("vigil-" + verdict.suggestionId())))
          .withCounters(entry.counters().plus(new QualityCounters(1, 1, 0, 0, 0, 1)))
          .withChange(new EntryChange("modified", verdict.reason() + ": answer replaced by the analyst's version",
              ACTOR, verdict.key())), entry.version());
      return new KnowledgeChange(KnowledgeChange.MODIFIED, entry.id(), stored.version(), verdict.reason());
    }
    // The cited entry is shared beyond this tenant: the correction goes to the tenant's scope, linked to it.
    String correctionId = learnedId(verdict.key() + "#" + entry.id());
    if (index.get(correctionId).isEmpty()) {
      List<String> tags = new ArrayList<>(entry.tags());
      tags.add("corrects:" + entry.id());
      index.upsert(KnowledgeEntry.draft(correctionId, EntryKind.QA, entry.question(), corrected, entry.product(),
              tags, c.scope(), Provenance.learned(c.ticketId(), List.of("vigil-" + verdict.suggestionId())),
              EntryStatus.fromWire(c.entryStatus()))
          .withCounters(QualityCounters.support(1))
          .withChange(new EntryChange("modified", verdict.reason() + ": corrected copy of " + entry.id()
              + " for scope " + c.scope(), ACTOR, verdict.key())), 0);
    }
    KnowledgeEntry stored = index.upsert(entry.withCounters(entry.counters().plus(new QualityCounters(1, 0, 0, 0, 0,
        0))).withChange(new EntryChange("kept", verdict.reason() + "; corrected in " + correctionId + " for scope "
        + c.scope(), ACTOR, verdict.key())), entry.version());
    return new KnowledgeChange(KnowledgeChange.MODIFIED, correctionId, stored.version(), verdict.reason()
        + "; " + entry.id() + " is shared beyond scope " + c.scope() + ", so the correction is a linked entry");
  }

  private KnowledgeChange delete(LearningCase c, KnowledgeEntry entry, ReviewVerdict verdict) {
    boolean dismissed = "dismissed".equals(verdict.feedback());
    QualityCounters delta = new QualityCounters(1, 0, dismissed ? 1 : 0, 0, dismissed ? 0 : 1, 0);
    if (!entry.scope().equals(c.scope())) {
      String reason = verdict.reason() + "; not retired: " + entry.id() + " is shared beyond scope " + c.scope()
          + ", counted against it instead";
      KnowledgeEntry stored = index.upsert(entry.withCounters(entry.counters().plus(delta))
          .withChange(new EntryChange("kept", reason, ACTOR, verdict.key())), entry.version());
      return new KnowledgeChange(KnowledgeChange.KEPT, entry.id(), stored.version(), reason);
    }
    if (entry.status() == EntryStatus.RETIRED) {
      return new KnowledgeChange(KnowledgeChange.UNCHANGED, entry.id(), entry.version(), "already retired");
    }
    KnowledgeEntry stored = index.upsert(entry.withStatus(EntryStatus.RETIRED)
        .withCounters(entry.counters().plus(delta))
        .withChange(new EntryChange("retired", verdict.reason(), ACTOR, verdict.key())), entry.version());
    return new KnowledgeChange(KnowledgeChange.RETIRED, entry.id(), stored.version(), verdict.reason());
  }

  private boolean applied(String entryId, String key) {
    return index.history(entryId).stream().anyMatch(v -> v.change() != null && key.equals(v.change().ref()));
  }
}
