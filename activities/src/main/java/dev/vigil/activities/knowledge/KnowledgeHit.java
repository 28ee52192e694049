package dev.vigil.activities.knowledge;

/**
 * One fused search result. {@code score} is the reciprocal-rank-fusion score; the per-retriever ranks (1-based) and
 * raw scores are kept for thresholds and explanations; {@code cosine} is the query–entry cosine similarity when the
 * entry was a kNN candidate, else null.
 */
public record KnowledgeHit(
    KnowledgeEntry entry,
    int rank,
    double score,
    Integer bm25Rank,
    Double bm25Score,
    Integer knnRank,
    Double cosine) {}
