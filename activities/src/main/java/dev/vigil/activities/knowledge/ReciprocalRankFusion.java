package dev.vigil.activities.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses BM25 and kNN rankings by reciprocal rank: {@code score = Σ 1 / (c + rank)}, with {@code c = 60} as in the
 * original paper (Cormack et al., 2009). Done in Java so both index implementations fuse identically.
 */
public final class ReciprocalRankFusion {
  public static final int C = 60;

  private ReciprocalRankFusion() {}

  /** Fused hits, best first, at most {@code k}. kNN scores are (1 + cosine) / 2, as both indexes report them. */
  public static List<KnowledgeHit> fuse(List<RankedEntry> bm25, List<RankedEntry> knn, int k) {
    Map<String, Builder> byId = new LinkedHashMap<>();
    for (RankedEntry hit : bm25) {
      byId.computeIfAbsent(hit.entry().id(), id -> new Builder(hit.entry())).bm25(hit);
    }
    for (RankedEntry hit : knn) {
      byId.computeIfAbsent(hit.entry().id(), id -> new Builder(hit.entry())).knn(hit);
    }
    List<Builder> fused = new ArrayList<>(byId.values());
    fused.sort(Comparator.comparingDouble(Builder::score).reversed()
        .thenComparing(b -> b.entry.id()));
    List<KnowledgeHit> hits = new ArrayList<>(Math.min(k, fused.size()));
    for (int i = 0; i < fused.size() && i < k; i++) {
      hits.add(fused.get(i).build(i + 1));
    }
    return hits;
  }

  private static final class Builder {
    private final KnowledgeEntry entry;
    private Integer bm25Rank;
    private Double bm25Score;
    private Integer knnRank;
    private Double cosine;

    Builder(KnowledgeEntry entry) {
      this.entry = entry;
    }

    void bm25(RankedEntry hit) {
      bm25Rank = hit.rank();
      bm25Score = hit.score();
    }

    void knn(RankedEntry hit) {
      knnRank = hit.rank();
      cosine = 2 * hit.score() - 1;
    }

    double score() {
      return (bm25Rank == null ? 0 : 1.0 / (C + bm25Rank)) + (knnRank == null ? 0 : 1.0 / (C + knnRank));
    }

    KnowledgeHit build(int rank) {
      return new KnowledgeHit(entry, rank, score(), bm25Rank, bm25Score, knnRank, cosine);
    }
  }
}
