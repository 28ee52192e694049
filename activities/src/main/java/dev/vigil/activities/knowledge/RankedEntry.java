package dev.vigil.activities.knowledge;

/** A hit of one retriever (BM25 or kNN): the entry, its 1-based rank and the retriever's raw score. */
public record RankedEntry(KnowledgeEntry entry, int rank, double score) {}
