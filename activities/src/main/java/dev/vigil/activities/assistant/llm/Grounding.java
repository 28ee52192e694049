package dev.vigil.activities.assistant.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a generated answer against the texts it may rely on: it makes no commitment those texts do not make, and
 * most of its content words come from them. Catches answers that invent facts or promises (a refund the sources
 * never mention) even when the model was told what to rely on. One check for every generated text Vigil keeps or
 * shows: live answers against the entries they cite, learned pairs against what the analysts wrote.
 */
public final class Grounding {
  /** The share of an answer's content words that must come from its sources. */
  public static final double MIN_OVERLAP = 0.5;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]{3,}");
  private static final Set<String> COMMON = Set.of("your", "you're", "this", "that", "then", "there", "their",
      "them", "they", "with", "from", "have", "will", "would", "should", "could", "please", "into", "also",
      "when", "what", "which", "make", "sure", "again", "after", "before", "under", "open", "choose", "select",
      "click", "check", "here", "just", "need", "needs", "able", "some", "more", "only", "other", "than", "once");
  /** Commitments on the company's behalf: an answer may make one only when its sources state it. */
  private static final Pattern COMMITMENT = Pattern.compile("(?i)\\b(refund\\w*|credit(s|ed)?|compensat\\w*"
      + "|guarantee\\w*|free of charge|for free|discount\\w*|waive\\w*|reimburs\\w*|money back)\\b");

  private Grounding() {}

  /**
   * Why {@code answer} is not supported by {@code sources}, or empty when it is. {@code sourcesName} names the
   * sources in the reason ("the cited knowledge").
   */
  public static Optional<String> unsupported(String answer, List<String> sources, String sourcesName) {
    String commitment = unbackedCommitment(answer, sources);
    if (commitment != null) {
      return Optional.of("it commits to \"" + commitment + "\", which " + sourcesName + " does not state");
    }
    double overlap = overlap(answer, sources);
    if (overlap < MIN_OVERLAP) {
      return Optional.of(String.format(Locale.ROOT, "not grounded in %s (%.0f%% of its words come from it)",
          sourcesName, 100 * overlap));
    }
    return Optional.empty();
  }

  /** The share of the answer's content words found in the source texts (1.0 when it has none). */
  static double overlap(String answer, List<String> sources) {
    Set<String> source = words(String.join(" ", sources));
    Set<String> said = words(answer);
    said.removeAll(COMMON);
    if (said.isEmpty()) {
      return 1.0;
    }
    long found = said.stream().filter(w -> source.contains(w) || source.contains(stem(w))
        || source.stream().anyMatch(s -> stem(s).equals(stem(w)))).count();
    return (double) found / said.size();
  }

  /** The first commitment the answer makes that none of the sources makes, or null. */
  private static String unbackedCommitment(String answer, List<String> sources) {
    var m = COMMITMENT.matcher(answer);
    while (m.find()) {
      String word = m.group().toLowerCase(Locale.ROOT);
      if (sources.stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).contains(word))) {
        return m.group();
      }
    }
    return null;
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  private static String stem(String word) {
    for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
      if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    return word;
  }
}
