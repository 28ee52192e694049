package dev.vigil.activities.assistant;

import dev.vigil.workflows.assistant.DialogueTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The no-LLM rewrite step: one standalone query from the customer's new turns, without greetings, thanks and
 * request/instance/trace ids, filled in with the ticket subject when the turns alone are too short to search with.
 * A follow-up (short, or pointing back: "it still fails", "same error after the update") is read with the dialogue
 * it follows: the customer's earlier statement of the problem and the analyst's last question it may answer. A
 * query that asks several separate questions also yields them as sub-queries.
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

  /** A turn this short, or one that points back, is a follow-up read with the problem it follows. */
  private static final int FOLLOW_UP_WORDS = 12;
  private static final int CONTEXT_WORDS = 40;
  private static final Pattern POINTS_BACK = Pattern.compile(
      "(?i)^(it|this|that|these|those|same|still|again|also|tried|yes|no|nope|yep|ok|okay|but|and|then)\\b");
  private static final Pattern QUESTION_SENTENCE = Pattern.compile("[^.!?]*\\?");
  private static final int MAX_SUB_QUERIES = 3;
  private static final int SUB_QUERY_WORDS = 4;

  private QueryRewriter() {}

  /**
   * The query for the new customer turns in their dialogue. A follow-up (short, or pointing back) is read with what it
   * follows: the ticket subject, the customer's first substantial earlier turn (the problem) and, for a short reply,
   * the analyst's last question. A standalone turn is its own query, as {@link #rewrite(String, List)} makes it.
   */
  public static String rewrite(String subject, List<String> turns, List<DialogueTurn> earlier) {
    String query = rewrite(null, turns);
    boolean followUp = words(query) < FOLLOW_UP_WORDS || POINTS_BACK.matcher(query).find();
    if (!followUp) {
      return rewrite(subject, turns);
    }
    List<String> context = new ArrayList<>();
    if (subject != null && !subject.isBlank()) {
      context.add(stripIdentifiers(subject.strip()));
    }
    List<DialogueTurn> dialogue = earlier == null ? List.of() : earlier;
    dialogue.stream().filter(DialogueTurn::fromCustomer).map(t -> rewrite(null, List.of(t.text())))
        .filter(t -> words(t) >= SHORT).findFirst()
        .ifPresent(problem -> context.add(firstWords(problem, CONTEXT_WORDS)));
    if (words(query) < FOLLOW_UP_WORDS) {
      for (int i = dialogue.size() - 1; i >= 0; i--) {
        DialogueTurn turn = dialogue.get(i);
        if (!turn.fromCustomer()) {
          Matcher asked = QUESTION_SENTENCE.matcher(turn.text());
          String last = null;
          while (asked.find()) {
            last = asked.group().strip();
          }
          if (last != null) {
            context.add(stripIdentifiers(last));
          }
          break;
        }
      }
    }
    String combined = (String.join(" ", context) + " " + query).replaceAll("\\s+", " ").strip();
    return firstWords(combined, MAX_WORDS);
  }

  /**
   * The separate questions of a query that asks several (each of at least a few words), at most three; empty when
   * it asks one thing. Each is answered on its own and the most confident answer wins.
   */
  public static List<String> subQueries(String query) {
    List<String> questions = new ArrayList<>();
    Matcher m = QUESTION_SENTENCE.matcher(query);
    while (m.find() && questions.size() < MAX_SUB_QUERIES) {
      String q = m.group().strip();
      if (words(q) >= SUB_QUERY_WORDS) {
        questions.add(q);
      }
    }
    return questions.size() >= 2 ? questions : List.of();
  }

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
