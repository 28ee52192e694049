package dev.vigil.activities.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The no-LLM rewrite step: one standalone query from the customer's new turns, without greetings, thanks and
 * request/instance/trace ids, filled in with the ticket subject when the turns alone are too short to search with.
 */
public final class QueryRewriter {
  /** The embedding model reads about 100 words; a longer query only dilutes BM25. */
  static final int MAX_WORDS = 80;
  private static final int SHORT = 6;
  private static final Pattern[] IDENTIFIERS = {
      // labelled ids first, so the label goes with its value: "request id 7f3a…", "trace: abc123"
      Pattern.compile("(?i)\\b(request|req|trace|span|correlation|instance|account|order|ticket|case)"
          + "([ _-]?(id|no|number)\\b\\s*[:=#]?|\\s*[:=#])\\s*[A-Za-z0-9_-]*\\d[A-Za-z0-9_-]*"),
      Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"),
      Pattern.compile("\\b(i|vol|snap|sg|subnet|vpc|ami|eni)-[0-9a-f]{6,}\\b"),
      Pattern.compile("\\b[0-9a-fA-F]{16,}\\b"),
      Pattern.compile("\\b\\d{7,}\\b")};
  private static final Pattern SMALL_TALK_SENTENCE = Pattern.compile(
      "(?i)^((hi|hello|hey|good (morning|afternoon|evening))( there| team| all| everyone| folks| support)?"
          + "|dear [a-z ]+|thanks?( you)?( so much| in advance)?"
          + "|thx|cheers|regards|best regards|kind regards|please help|hope you are well)[\\s,.!]*$");

  private static final Pattern LEADING_GREETING = Pattern.compile(
      "(?i)^(hi|hello|hey|good (morning|afternoon|evening))( there| team| all| everyone| folks| support)?[,!.:]\\s+");

  private QueryRewriter() {}

  public static String rewrite(String subject, List<String> turns) {
    List<String> kept = new ArrayList<>();
    for (String turn : turns) {
      for (String sentence : turn.split("(?<=[.!?])\\s+|\\n+")) {
        String s = LEADING_GREETING.matcher(sentence.strip()).replaceFirst("");
        if (!s.isEmpty() && !SMALL_TALK_SENTENCE.matcher(s).matches()) {
          kept.add(stripIdentifiers(s));
        }
      }
    }
    String query = String.join(" ", kept).replaceAll("\\s+", " ").strip();
    if (subject != null && !subject.isBlank() && words(query) < SHORT) {
      query = (stripIdentifiers(subject.strip()) + " " + query).strip();
    }
    return firstWords(query, MAX_WORDS);
  }

  static String stripIdentifiers(String text) {
    String result = text;
    for (Pattern id : IDENTIFIERS) {
      result = id.matcher(result).replaceAll(" ");
    }
    return result.replaceAll("\\s+", " ").replaceAll("\\s+([,.!?])", "$1").strip();
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.split("\\s+").length;
  }

  private static String firstWords(String text, int max) {
    String[] words = text.split("\\s+");
    return words.length <= max ? text : String.join(" ", java.util.Arrays.copyOf(words, max));
  }
}
