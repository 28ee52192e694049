package dev.vigil.activities.knowledge;

/** How an entry has fared: cited in answers, adopted or dismissed by analysts, liked or disliked. */
public record QualityCounters(long cited, long adopted, long dismissed, long liked, long disliked) {
  public static final QualityCounters ZERO = new QualityCounters(0, 0, 0, 0, 0);
}
