package dev.vigil.activities.assistant.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a generated answer against the entries it cites: most of its content words must come from them. Catches
 * answers that invent facts or promises (a refund the knowledge never mentions) even when the citation is valid.
 */
final class Grounding {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]{3,}");
  private static final Set<String> COMMON = Set.of("your", "you're", "this", "that", "then", "there", "their",
      "them", "they", "with", "from", "have", "will", "would", "should", "could", "please", "into", "also",
      "when", "what", "which", "make", "sure", "again", "after", "before", "under", "open", "choose", "select",
      "click", "check", "here", "just", "need", "needs", "able", "some", "more", "only", "other", "than", "once");

  private Grounding() {}

  /** The share of the answer's content words found in the cited texts (1.0 when it has none). */
  static double overlap(String answer, List<String> citedTexts) {
    Set<String> source = words(String.join(" ", citedTexts));
    Set<String> said = words(answer);
    said.removeAll(COMMON);
    if (said.isEmpty()) {
      return 1.0;
    }
    long found = said.stream().filter(w -> source.contains(w) || source.contains(stem(w))
        || source.stream().anyMatch(s -> stem(s).equals(stem(w)))).count();
    return (double) found / said.size();
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
