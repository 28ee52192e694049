package dev.vigil.activities.learning.redaction;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values named by a label ("password: …", "request id 7f3a…"): the label stays, since it tells the reader what was
 * there, and the value goes. Patterns built here have a {@code prefix} group (the label and separator) and either a
 * quoted value ({@code q}, {@code qv}) or a bare one ({@code v}).
 */
final class Labels {
  static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String WORD = "[^\\s,;&\"'<>]+";
  private static final String QUOTED = "(?<q>[\"'])(?<qv>[^\"'\\r\\n]+)\\k<q>";
  /** A labelled value: quoted (may contain spaces) or a bare run up to a delimiter that cannot belong to it. */
  static final String VALUE = "(?:" + QUOTED + "|(?<v>" + WORD + "))";

  /**
   * Words that start a new clause after a value instead of continuing it ("password: hunter2 for the staging
   * database"), in the languages the labels are in.
   */
  private static final String CLAUSE_WORD = "(?:and|or|but|for|on|in|at|to|from|with|was|is|were|are|which|that"
      + "|because|so|then|when|if|since|until|after|before|while|as|by|of|the|please|und|oder|aber|für|mit|ist|war"
      + "|im|am|et|ou|mais|pour|avec|dans|sur|est|depuis|car|quand|seit|weil|dass|wenn|bitte|danke|merci|thanks"
      + "|it|we|i|you|he|she|they|my|our|your|this|ich|wir|je|nous)(?![\\p{L}\\p{N}])";
  /**
   * A labelled value that may run over several words, as passphrases do ("secret: correct horse battery"): up to
   * the end of the clause, meaning a comma or semicolon, the end of the line or sentence, an opening bracket, a
   * word that starts a new clause, or the next label ("user: …"). Bounded, as every repeated group here is.
   */
  static final String PHRASE = "(?:" + QUOTED + "|(?<v>" + WORD + "(?:(?<![.!?:)\\]}])[ \\t]+(?!" + CLAUSE_WORD
      + "|[(\\[{]|" + WORD.replace("+", "*") + "[:=])" + WORD + "){0,8}))";

  /** Sentence punctuation after a bare value belongs to the sentence, not to the value. */
  private static final String TRAILING = ".,;:)]}";

  private static final Set<String> NOT_A_VALUE = Set.of(
      "a", "an", "the", "is", "was", "are", "and", "or", "of", "for", "from", "in", "on", "to", "with", "by",
      "not", "none", "null", "nil", "n/a", "na", "unknown", "missing", "empty", "required", "optional", "invalid",
      "header", "field", "format", "value", "values", "true", "false", "yes", "no", "undefined", "changed", "set",
      "redacted", "hidden", "masked", "here", "there", "below", "above", "policy", "reset", "expired");

  private Labels() {}

  /** The rule's match becomes prefix + placeholder (+ the punctuation after a bare value) when accepted. */
  static Function<Matcher, String> labelled(Kind kind, BiPredicate<Matcher, String> accept) {
    String placeholder = kind.placeholder();
    return m -> {
      String prefix = m.group("prefix");
      String quoted = m.group("qv");
      if (quoted != null) {
        return accept.test(m, quoted) ? prefix + m.group("q") + placeholder + m.group("q") : null;
      }
      String value = m.group("v");
      int end = value.length();
      while (end > 0 && TRAILING.indexOf(value.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end == 0) {
        return null;
      }
      return accept.test(m, value.substring(0, end)) ? prefix + placeholder + value.substring(end) : null;
    };
  }

  /**
   * Whether a labelled value is a real value rather than a word of prose, an empty mask or a variable reference;
   * for a value of several words, its first word decides.
   */
  static boolean isValue(String value) {
    String first = firstWord(value);
    // A first word without a letter or digit is code, not a value: "secret == null", "password: => …".
    if (first.codePoints().noneMatch(Character::isLetterOrDigit)
        || NOT_A_VALUE.contains(first.toLowerCase(Locale.ROOT))) {
      return false;
    }
    // ${DB_PASSWORD}, $TOKEN, %API_KEY%, {{ secret }}: references to a secret, not the secret, and useful to keep.
    return !(value.startsWith("$") || value.startsWith("%") || value.startsWith("{{"));
  }

  static String firstWord(String value) {
    int space = value.indexOf(' ');
    int tab = value.indexOf('\t');
    int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
    return end < 0 ? value : value.substring(0, end);
  }

  /** An id named by its label, with a separator (":", "=", "#", "is") or just a space before it. */
  static Pattern labelledId(String label) {
    return Pattern.compile("(?<prefix>(?<![A-Za-z0-9])" + label + "(?![A-Za-z0-9])[\"']?"
        + "(?:\\s*(?<sep>[:=#]|\\bis\\b|\\bwas\\b)\\s*|\\s+))" + VALUE, CI);
  }

  static boolean acceptId(Matcher m, String value) {
    if (!isValue(value)) {
      return false;
    }
    // Without a separator the next word may be ordinary prose ("request id format"): only an id-like value counts.
    return m.group("sep") != null ? value.length() >= 2 : value.length() >= 4 && Checks.hasDigit(value);
  }
}
