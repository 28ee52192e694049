package dev.vigil.activities.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses BM25 and kNN rankings by reciprocal rank: {@code score = Σ 1 / (c + rank)}, with {@code c = 60} as in the
 * original paper (Cormack et al., 2009). Done in Java so both index implementations fuse identically. Works on any
 * key (an entry id, a Lucene doc id), so callers load full entries only for the fused top k.
 */
public final class ReciprocalRankFusion {
  public static final int C = 60;

  private ReciprocalRankFusion() {}

  /** One retriever's hit: a key, its 1-based rank and the retriever's raw score. */
  public record Ranked<K>(K key, int rank, double score) {}

  /** A fused hit with its per-retriever ranks and scores (null where that retriever did not return it). */
  public record Fused<K>(K key, int rank, double score, Integer bm25Rank, Double bm25Score, Integer knnRank,
      Double knnScore) {

    /** This fused hit for a loaded entry. kNN scores are (1 + cosine) / 2, as both indexes report them. */
    public KnowledgeHit toHit(KnowledgeEntry entry) {
      return new KnowledgeHit(entry, rank, score, bm25Rank, bm25Score, knnRank,
          knnScore == null ? null : 2 * knnScore - 1);
    }
  }

  /** Fused hits, best first (ties broken by key order), at most {@code k}. */
  public static <K extends Comparable<K>> List<Fused<K>> fuse(List<Ranked<K>> bm25, List<Ranked<K>> knn, int k) {
    Map<K, Double[]> byKey = new LinkedHashMap<>(); // [bm25Rank, bm25Score, knnRank, knnScore]
    for (Ranked<K> hit : bm25) {
      Double[] parts = byKey.computeIfAbsent(hit.key(), key -> new Double[4]);
      parts[0] = (double) hit.rank();
      parts[1] = hit.score();
    }
    for (Ranked<K> hit : knn) {
      Double[] parts = byKey.computeIfAbsent(hit.key(), key -> new Double[4]);
      parts[2] = (double) hit.rank();
      parts[3] = hit.score();
    }
    List<Map.Entry<K, Double[]>> all = new ArrayList<>(byKey.entrySet());
    all.sort(Comparator.comparingDouble((Map.Entry<K, Double[]> e) -> score(e.getValue())).reversed()
        .thenComparing(Map.Entry::getKey));
    List<Fused<K>> fused = new ArrayList<>(Math.min(k, all.size()));
    for (int i = 0; i < all.size() && i < k; i++) {
      Double[] p = all.get(i).getValue();
      fused.add(new Fused<>(all.get(i).getKey(), i + 1, score(p),
          p[0] == null ? null : p[0].intValue(), p[1], p[2] == null ? null : p[2].intValue(), p[3]));
    }
    return fused;
  }

  private static double score(Double[] parts) {
    return (parts[0] == null ? 0 : 1.0 / (C + parts[0])) + (parts[2] == null ? 0 : 1.0 / (C + parts[2]));
  }
}
