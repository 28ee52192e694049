package dev.vigil.activities.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One piece of knowledge Vigil may answer from. {@code scope} is {@code global} or a tenant id: a tenant sees global
 * entries and its own, never another tenant's. {@code version} counts the stored versions (1 for the first); the
 * index keeps every version, each with the {@code change} that wrote it (the audit log; null for unexplained
 * writes). The entry's embedding is computed by the index from its text and lives in the index.
 */
public record KnowledgeEntry(
    String id,
    EntryKind kind,
    String question,
    String answer,
    String product,
    List<String> tags,
    String scope,
    Provenance provenance,
    EntryStatus status,
    long version,
    Instant createdAt,
    Instant updatedAt,
    QualityCounters counters,
    EntryChange change) {

  public static final String GLOBAL = "global";

  public KnowledgeEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(answer, "answer");
    tags = tags == null ? List.of() : List.copyOf(tags);
    scope = scope == null || scope.isBlank() ? GLOBAL : scope;
    provenance = provenance == null ? Provenance.none() : provenance;
    status = status == null ? EntryStatus.ACTIVE : status;
    counters = counters == null ? QualityCounters.ZERO : counters;
  }

  /** A new entry, not stored yet (version 0). */
  public static KnowledgeEntry draft(String id, EntryKind kind, String question, String answer, String product,
      List<String> tags, String scope, Provenance provenance, EntryStatus status) {
    return new KnowledgeEntry(id, kind, question, answer, product, tags, scope, provenance, status, 0, null, null,
        QualityCounters.ZERO, null);
  }

  public KnowledgeEntry withStatus(EntryStatus newStatus) {
    return new KnowledgeEntry(id, kind, question, answer, product, tags, scope, provenance, newStatus, version,
        createdAt, updatedAt, counters, change);
  }

  /** This entry with the audit note of the write that is about to store it. */
  public KnowledgeEntry withChange(EntryChange newChange) {
    return new KnowledgeEntry(id, kind, question, answer, product, tags, scope, provenance, status, version,
        createdAt, updatedAt, counters, newChange);
  }

  public KnowledgeEntry withCounters(QualityCounters newCounters) {
    return new KnowledgeEntry(id, kind, question, answer, product, tags, scope, provenance, status, version,
        createdAt, updatedAt, newCounters, change);
  }

  public KnowledgeEntry withAnswer(String newAnswer) {
    return new KnowledgeEntry(id, kind, question, newAnswer, product, tags, scope, provenance, status, version,
        createdAt, updatedAt, counters, change);
  }

  public KnowledgeEntry withProvenance(Provenance newProvenance) {
    return new KnowledgeEntry(id, kind, question, answer, product, tags, scope, newProvenance, status, version,
        createdAt, updatedAt, counters, change);
  }

  /** The content of {@code old} (question, answer, product, tags, scope, provenance, status) on this entry. */
  public KnowledgeEntry withContentOf(KnowledgeEntry old) {
    return new KnowledgeEntry(id, old.kind, old.question, old.answer, old.product, old.tags, old.scope,
        old.provenance, old.status, version, createdAt, updatedAt, counters, change);
  }

  /**
   * This entry as the version that follows {@code previous} (null when it is the first), stored at {@code now}. An
   * entry built from scratch (no creation time) keeps the creation time and counters of the version it replaces.
   */
  public KnowledgeEntry nextVersionOf(KnowledgeEntry previous, Instant now) {
    boolean fromScratch = createdAt == null;
    Instant created = previous == null ? (fromScratch ? now : createdAt)
        : (fromScratch ? previous.createdAt() : createdAt);
    QualityCounters kept = previous != null && fromScratch ? previous.counters() : counters;
    return new KnowledgeEntry(id, kind, question, answer, product, tags, scope, provenance, status,
        previous == null ? 1 : previous.version() + 1, created, now, kept, change);
  }

  /** Whether two entries say the same thing (ignoring version, timestamps and counters). */
  public boolean sameContentAs(KnowledgeEntry other) {
    return other != null
        && kind == other.kind
        && Objects.equals(question, other.question)
        && answer.equals(other.answer)
        && Objects.equals(product, other.product)
        && tags.equals(other.tags)
        && scope.equals(other.scope)
        && status == other.status
        && provenance.equals(other.provenance);
  }

  /**
   * The text of the entry's primary vector. Imported and curated entries embed their question (short, and customers
   * paraphrase it). Learned entries embed their answer: a customer's long, specific question rarely resembles an
   * earlier customer's, but it does resemble the answer that resolved the same problem — question-to-answer
   * retrieval found 8 matching resolutions among its 20 most confident picks on real threads, question-to-question 2
   * (docs/evaluation.md). Learned entries also have a question vector ({@link #questionEmbeddingText()}).
   */
  public String embeddingText() {
    if (kind == EntryKind.QA) {
      return answer;
    }
    return question != null && !question.isBlank() ? question : answer;
  }

  /**
   * The text of a learned entry's second, question vector, or null when the primary vector already is the
   * question's (or there is no question). With it a repeat or paraphrase of the question that taught the entry finds
   * it, even when the answer reads nothing like the question (issue 16: "Why do your webhook calls keep timing out?"
   * is 0.43 from "Return 200 at once and process events asynchronously" but close to the question it was learned
   * from).
   */
  public String questionEmbeddingText() {
    return kind == EntryKind.QA && question != null && !question.isBlank() ? question : null;
  }
}
