package dev.vigil.activities.learning;

import dev.vigil.activities.learning.redaction.AddressRules;
import dev.vigil.activities.learning.redaction.ContactRules;
import dev.vigil.activities.learning.redaction.IdRules;
import dev.vigil.activities.learning.redaction.Kind;
import dev.vigil.activities.learning.redaction.NetworkRules;
import dev.vigil.activities.learning.redaction.PaymentRules;
import dev.vigil.activities.learning.redaction.PersonalIdRules;
import dev.vigil.activities.learning.redaction.RedactionRule;
import dev.vigil.activities.learning.redaction.SecretRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replaces personal data and secrets in text with typed placeholders ({@code <email>}, {@code <iban>}…) before
 * anything learned is stored. The detectors live in {@code learning.redaction}, one class per concern; this class
 * runs them in order and then replaces the people's names known from the ticket.
 */
public final class Redactor {

  // Every rule runs only on the text between placeholders, so no rule can rewrite another's output: that is what
  // makes redact(redact(x)) == redact(x).
  private static final Pattern PLACEHOLDER = Pattern.compile("<(?:"
      + Arrays.stream(Kind.values()).map(Kind::wireName).collect(Collectors.joining("|")) + ")>");

  // Order is priority: a value is claimed by the first rule that matches it. Repeated groups are bounded
  // throughout because Java matches each repetition of a group recursively, so an unbounded one overflows the
  // stack on long hostile input such as "a.a.a.a...".
  private static final List<RedactionRule> RULES = Stream.of(
      SecretRules.SHAPED,        // private key blocks, credentials in URLs, keys of a known format
      SecretRules.LABELLED,      // passwords and keys named by a label, in config or prose
      ContactRules.LABELLED,     // emails; numbers introduced as phone numbers
      PersonalIdRules.ALL,       // passports, dates of birth, SSNs, NI numbers: labelled or of a strict shape
      PaymentRules.ALL,          // IBANs and cards, check digits verified; before ids, which would take a part
      IdRules.LABELLED_AND_PREFIXED,
      NetworkRules.ALL,          // MAC, IPv6, IPv4
      AddressRules.ALL,          // streets and postcodes
      ContactRules.BARE_PHONES,  // after cards and addresses, whose digits they could otherwise take
      IdRules.BARE_ACCOUNT,      // 12 digits, after phones
      SecretRules.GENERIC)       // long random-looking runs, once nothing more specific matched
      .flatMap(List::stream).toList();

  public Redactor() {}

  /**
   * {@code text} with every detected value replaced; {@code knownNames} are people's names known from the ticket
   * (customer, analysts, authors): each whole name and each of its parts of >= 3 letters is replaced by
   * {@code <name>}, case-insensitively, on word boundaries. Null text returns null.
   */
  public String redact(String text, Collection<String> knownNames) {
    if (text == null) {
      return null;
    }
    return run(text, knownNames, new TreeSet<>());
  }

  /** The placeholder kinds found in text (for audit/metrics), e.g. {"email", "ipv4"}; same detection as redact. */
  public Set<String> findKinds(String text, Collection<String> knownNames) {
    Set<String> kinds = new TreeSet<>();
    if (text != null) {
      run(text, knownNames, kinds);
    }
    return Collections.unmodifiableSet(kinds);
  }

  /** How many placeholders {@code text} holds (how many values a redaction replaced, compared with its input). */
  static int placeholders(String text) {
    return text == null ? 0 : (int) PLACEHOLDER.matcher(text).results().count();
  }

  private static String run(String text, Collection<String> knownNames, Set<String> kinds) {
    String result = text;
    for (RedactionRule rule : RULES) {
      result = apply(result, rule, kinds);
    }
    RedactionRule names = nameRule(knownNames);
    return names == null ? result : apply(result, names, kinds);
  }

  private static String apply(String text, RedactionRule rule, Set<String> kinds) {
    Matcher placeholders = PLACEHOLDER.matcher(text);
    // Transparent bounds let lookarounds see the placeholder next to a segment, so a boundary reads the same as
    // in the full text.
    Matcher matcher = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    StringBuilder out = null;
    int copied = 0;
    int segmentStart = 0;
    while (true) {
      boolean more = placeholders.find();
      int segmentEnd = more ? placeholders.start() : text.length();
      if (segmentEnd > segmentStart) {
        matcher.region(segmentStart, segmentEnd);
        while (matcher.find()) {
          String replacement = rule.replacement().apply(matcher);
          if (replacement == null || replacement.equals(matcher.group())) {
            continue;
          }
          if (out == null) {
            out = new StringBuilder(text.length());
          }
          out.append(text, copied, matcher.start()).append(replacement);
          copied = matcher.end();
          kinds.add(rule.kind().wireName());
        }
      }
      if (!more) {
        break;
      }
      segmentStart = placeholders.end();
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static RedactionRule nameRule(Collection<String> knownNames) {
    if (knownNames == null) {
      return null;
    }
    Set<String> alternatives = new LinkedHashSet<>();
    for (String name : knownNames) {
      if (name == null || name.isBlank()) {
        continue;
      }
      String[] words = name.trim().split("\\s+");
      List<String> quoted = new ArrayList<>();
      for (String word : words) {
        quoted.add(Pattern.quote(word));
      }
      // The whole name first (any whitespace between its words), so "Ann Lee" becomes one <name>, not two.
      if (letters(name) > 0) {
        alternatives.add(String.join("\\s+", quoted));
      }
      for (String word : words) {
        addPart(alternatives, word);
        for (String piece : word.split("-")) {
          addPart(alternatives, piece);
        }
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    List<String> ordered = new ArrayList<>(alternatives);
    // Longest first: regex alternation takes the first alternative that matches, not the longest.
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + String.join("|", ordered) + ")(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new RedactionRule(Kind.NAME, pattern, m -> Kind.NAME.placeholder());
  }

  private static void addPart(Set<String> alternatives, String part) {
    // Leading/trailing punctuation ("Smith,", "(Ann)") is not part of the name.
    String trimmed = part.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
    if (letters(trimmed) >= 3) {
      alternatives.add(Pattern.quote(trimmed));
    }
  }

  private static int letters(String s) {
    return (int) s.codePoints().filter(Character::isLetter).count();
  }
}
