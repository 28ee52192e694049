package dev.vigil.activities.knowledge;

/**
 * How an entry has fared: cited in answers, adopted or dismissed by analysts, liked or disliked, and {@code support}:
 * how many resolved tickets confirmed it (learned from them, merged into it, or Vigil's answer from it kept).
 */
public record QualityCounters(long cited, long adopted, long dismissed, long liked, long disliked, long support) {
  public static final QualityCounters ZERO = new QualityCounters(0, 0, 0, 0, 0, 0);

  public QualityCounters plus(QualityCounters delta) {
    return new QualityCounters(cited + delta.cited, adopted + delta.adopted, dismissed + delta.dismissed,
        liked + delta.liked, disliked + delta.disliked, support + delta.support);
  }

  public static QualityCounters support(long n) {
    return new QualityCounters(0, 0, 0, 0, 0, n);
  }
}
