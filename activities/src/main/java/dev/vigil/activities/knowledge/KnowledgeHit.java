package dev.vigil.activities.knowledge;

/**
 * One fused search result. {@code score} is the reciprocal-rank-fusion score; the per-retriever ranks (1-based) and
 * raw scores are kept for thresholds and explanations; {@code cosine} is the query's cosine similarity to the
 * entry's primary vector (see {@link KnowledgeEntry#embeddingText()}) when the entry was a candidate of that kNN
 * leg, {@code questionCosine} the cosine to a learned entry's question vector when the question leg found it; null
 * otherwise.
 */
public record KnowledgeHit(
    KnowledgeEntry entry,
    int rank,
    double score,
    Integer bm25Rank,
    Double bm25Score,
    Integer knnRank,
    Double cosine,
    Integer questionKnnRank,
    Double questionCosine) {

  /** A hit that only the lexical and primary vector legs can have found. */
  public KnowledgeHit(KnowledgeEntry entry, int rank, double score, Integer bm25Rank, Double bm25Score,
      Integer knnRank, Double cosine) {
    this(entry, rank, score, bm25Rank, bm25Score, knnRank, cosine, null, null);
  }

  /** The higher of the two vector legs' cosines, or null when neither leg found the entry. */
  public Double bestCosine() {
    if (cosine == null) {
      return questionCosine;
    }
    return questionCosine == null ? cosine : Math.max(cosine, questionCosine);
  }
}
