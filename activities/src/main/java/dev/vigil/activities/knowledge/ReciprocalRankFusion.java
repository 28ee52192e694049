package dev.vigil.activities.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the BM25 ranking and the kNN rankings (over the entries' primary vectors and over learned entries' question
 * vectors) by reciprocal rank: {@code score = Σ 1 / (c + rank)}, with {@code c = 60} as in the original paper
 * (Cormack et al., 2009). Done in Java so both index implementations fuse identically. Works on any key (an entry
 * id, a Lucene doc id), so callers load full entries only for the fused top k.
 */
public final class ReciprocalRankFusion {
  public static final int C = 60;

  private ReciprocalRankFusion() {}

  /** One retriever's hit: a key, its 1-based rank and the retriever's raw score. */
  public record Ranked<K>(K key, int rank, double score) {}

  /**
   * A fused hit with its per-retriever ranks and scores (null where that retriever did not return it). The
   * question leg searches the question vectors of learned entries (whose primary vector is their answer's).
   */
  public record Fused<K>(K key, int rank, double score, Integer bm25Rank, Double bm25Score, Integer knnRank,
      Double knnScore, Integer questionKnnRank, Double questionKnnScore) {

    /** This fused hit for a loaded entry. kNN scores are (1 + cosine) / 2, as both indexes report them. */
    public KnowledgeHit toHit(KnowledgeEntry entry) {
      return new KnowledgeHit(entry, rank, score, bm25Rank, bm25Score, knnRank, cosineOf(knnScore),
          questionKnnRank, cosineOf(questionKnnScore));
    }

    private static Double cosineOf(Double knnScore) {
      return knnScore == null ? null : 2 * knnScore - 1;
    }
  }

  /** Fused hits of a lexical and one vector leg, best first (ties broken by key order), at most {@code k}. */
  public static <K extends Comparable<K>> List<Fused<K>> fuse(List<Ranked<K>> bm25, List<Ranked<K>> knn, int k) {
    return fuse(bm25, knn, List.of(), k);
  }

  /** Fused hits of the lexical and both vector legs, best first (ties broken by key order), at most {@code k}. */
  public static <K extends Comparable<K>> List<Fused<K>> fuse(List<Ranked<K>> bm25, List<Ranked<K>> knn,
      List<Ranked<K>> questionKnn, int k) {
    Map<K, Double[]> byKey = new LinkedHashMap<>(); // [rank, score] per leg: bm25, knn, question knn
    collect(byKey, bm25, 0);
    collect(byKey, knn, 2);
    collect(byKey, questionKnn, 4);
    List<Map.Entry<K, Double[]>> all = new ArrayList<>(byKey.entrySet());
    all.sort(Comparator.comparingDouble((Map.Entry<K, Double[]> e) -> score(e.getValue())).reversed()
        .thenComparing(Map.Entry::getKey));
    List<Fused<K>> fused = new ArrayList<>(Math.min(k, all.size()));
    for (int i = 0; i < all.size() && i < k; i++) {
      Double[] p = all.get(i).getValue();
      fused.add(new Fused<>(all.get(i).getKey(), i + 1, score(p), rank(p[0]), p[1], rank(p[2]), p[3], rank(p[4]),
          p[5]));
    }
    return fused;
  }

  private static <K> void collect(Map<K, Double[]> byKey, List<Ranked<K>> leg, int slot) {
    for (Ranked<K> hit : leg) {
      Double[] parts = byKey.computeIfAbsent(hit.key(), key -> new Double[6]);
      parts[slot] = (double) hit.rank();
      parts[slot + 1] = hit.score();
    }
  }

  private static Integer rank(Double rank) {
    return rank == null ? null : rank.intValue();
  }

  private static double score(Double[] parts) {
    double score = 0;
    for (int slot = 0; slot < parts.length; slot += 2) {
      score += parts[slot] == null ? 0 : 1.0 / (C + parts[slot]);
    }
    return score;
  }
}
