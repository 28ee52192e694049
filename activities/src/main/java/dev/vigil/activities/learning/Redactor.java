package dev.vigil.activities.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces personal data and secrets in text with typed placeholders before anything learned is stored. */
public final class Redactor {

  /** One detector: what it finds, and what the match becomes ({@code null} keeps the match as it is). */
  private record Rule(String kind, Pattern pattern, Function<Matcher, String> replacement) {}

  private static final int CI = Pattern.CASE_INSENSITIVE;

  private static final List<String> KINDS = List.of(
      "email", "phone", "api-key", "password", "ipv4", "ipv6", "mac", "credentials",
      "account-id", "instance-id", "request-id", "card-number", "name");

  // Every rule runs only on the text between placeholders, so no rule can rewrite another's output:
  // that is what makes redact(redact(x)) == redact(x) and lets the rules be ordered freely by priority.
  private static final Pattern PLACEHOLDER = Pattern.compile("<(?:" + String.join("|", KINDS) + ")>");

  // A labelled value: quoted (may contain spaces) or a bare run up to a delimiter that cannot belong to it.
  private static final String VALUE = "(?:(?<q>[\"'])(?<qv>[^\"'\\r\\n]+)\\k<q>|(?<v>[^\\s,;&\"'<>]+))";
  // Sentence punctuation after a bare value belongs to the sentence, not to the value.
  private static final String TRAILING = ".,;:)]}";

  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4_EXACT = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern ROUTABLE_PREFIX =
      Pattern.compile("[23][0-9a-f]{3}|f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]|ff[0-9a-f]{2}", Pattern.CASE_INSENSITIVE);

  private static final Set<String> NOT_A_VALUE = Set.of(
      "a", "an", "the", "is", "was", "are", "and", "or", "of", "for", "from", "in", "on", "to", "with", "by",
      "not", "none", "null", "nil", "n/a", "na", "unknown", "missing", "empty", "required", "optional", "invalid",
      "header", "field", "format", "value", "values", "true", "false", "yes", "no", "undefined", "changed", "set",
      "redacted", "hidden", "masked", "here", "there", "below", "above");

  // Order is priority: a value is claimed by the first rule that matches it. Repeated groups are bounded
  // throughout because Java matches each repetition of a group recursively, so an unbounded one overflows the
  // stack on long hostile input such as "a.a.a.a...".
  private static final List<Rule> RULES = List.of(
      // Credentials inside URLs go first: otherwise "user:pw@host" would look like an email.
      // The password part may contain '@' (greedy to the last '@' before the path) but not '/', which RFC 3986
      // requires to be percent-encoded there. The scheme is bounded and starts a token so that long dotted text
      // is not rescanned from every word boundary.
      new Rule("credentials",
          Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}://)[^\\s/?#@:<>]+:[^\\s/?#<>]*@"),
          m -> m.group(1) + "<credentials>@"),

      // Keys whose shape is known, before the generic long-string detectors would mislabel or split them.
      new Rule("api-key",
          Pattern.compile("(?<![\\w-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
          m -> "<api-key>"),
      new Rule("api-key",
          Pattern.compile("(?<![A-Za-z0-9])(authorization\\s*[:=]\\s*basic\\s+)([A-Za-z0-9+/]{8,}={0,2})(?![\\w+/=])",
              CI),
          m -> m.group(1) + "<api-key>"),
      new Rule("api-key",
          Pattern.compile("\\b(bearer\\s+)([A-Za-z0-9._~+/-]{8,}=*)(?![\\w.~+/=-])", CI),
          m -> looksLikeSecret(m.group(2)) ? m.group(1) + "<api-key>" : null),
      new Rule("api-key",
          Pattern.compile("(?<![\\w-])(?:"
              + "sk-(?:proj-|ant-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"
              + "|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
              + "|(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}"
              + "|gh[pousr]_[A-Za-z0-9]{30,}"
              + "|github_pat_[A-Za-z0-9_]{30,}"
              + "|glpat-[A-Za-z0-9_-]{20,}"
              + "|xox[baprs]-[A-Za-z0-9-]{10,}"
              + "|AIza[0-9A-Za-z_-]{30,}"
              + ")(?![\\w-])"),
          m -> "<api-key>"),

      // Labelled values: the label stays (it tells the reader what was there), the value goes.
      new Rule("password",
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:password|passwd|passphrase|pwd)[\"']?\\s*[:=]\\s*)" + VALUE,
              CI),
          labelled("password", (m, v) -> isValue(v))),
      new Rule("api-key",
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:api[_-]?(?:key|token|secret)|apikey"
              + "|(?:secret[_-]?)?access[_-]?key(?:[_-]?id)?|secret[_-]?key|private[_-]?key|signing[_-]?key"
              + "|client[_-]?secret|(?:access|auth|refresh|session|id|private|bearer)[_-]?token|secret)"
              + "[\"']?\\s*[:=]\\s*)" + VALUE, CI),
          labelled("api-key", (m, v) -> isValue(v) && v.length() >= 4)),
      // A bare "key" or "token" label is common in ordinary config (ssl.key=/etc/..., sort key: createdAt),
      // so here only a value that looks generated counts.
      new Rule("api-key",
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:key|token)[\"']?\\s*[:=]\\s*)" + VALUE, CI),
          labelled("api-key", (m, v) -> isValue(v) && looksLikeSecret(v))),

      // Not followed by ":path": git@github.com:org/repo.git is an scp-style remote, not a mailbox.
      new Rule("email",
          Pattern.compile("(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?){0,8}\\.[A-Za-z]{2,}(?![\\w-]|:[\\w~/.])"),
          m -> "<email>"),

      new Rule("phone",
          Pattern.compile("(?<prefix>(?<![A-Za-z])(?:phone|telephone|tel|mobile|cell|fax)"
              + "(?:[ _-]?(?:number|no\\.?|#))?\\s*[:=]?\\s*)(?<v>\\+?[\\d(][\\d ().-]{5,}\\d)(?!\\d)", CI),
          m -> {
            int digits = countDigits(m.group("v"));
            return digits >= 7 && digits <= 15 ? m.group("prefix") + "<phone>" : null;
          }),

      // Ids named by a label: typed by the label, so a tenant's UUID is an account id, not a request id.
      new Rule("request-id", labelledId("(?:x-)?(?:request|req|trace|correlation|span|transaction)[ _-]?id"),
          labelled("request-id", Redactor::acceptId)),
      new Rule("instance-id", labelledId("(?:instance|vm)[ _-]?id"),
          labelled("instance-id", Redactor::acceptId)),
      new Rule("account-id",
          labelledId("(?:account|acct|customer|tenant|subscription|organi[sz]ation|org)"
              + "[ _-]?(?:id|number|num|no\\.?)"),
          labelled("account-id", Redactor::acceptId)),
      new Rule("account-id",
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:account|acct)(?:\\s*[:=#]\\s*|\\s+))" + VALUE, CI),
          labelled("account-id", (m, v) -> v.length() >= 6 && hasDigit(v) && v.matches("[A-Za-z0-9][\\w-]*"))),

      new Rule("request-id",
          Pattern.compile("(?<![\\w-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![\\w-])"),
          m -> "<request-id>"),

      // Ids recognised by their prefix. A digit is required so that words like "vm-images" stay.
      new Rule("instance-id",
          Pattern.compile("(?<![\\w-])(?:i-(?:[0-9a-f]{17}|[0-9a-f]{8})"
              + "|(?:vm|ins)-(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,6})(?![\\w-])"),
          m -> m.group().length() >= 7 ? "<instance-id>" : null),
      new Rule("request-id",
          Pattern.compile("(?<![\\w-])req[-_](?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{6,}(?![\\w-])"),
          m -> "<request-id>"),
      new Rule("account-id",
          Pattern.compile("(?<![\\w-])(?:acct_|acc-|cus_)(?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{4,}(?![\\w-])"),
          m -> "<account-id>"),

      // MACs are checked before IPv6 only for clarity: six groups without "::" never validate as IPv6.
      new Rule("mac",
          Pattern.compile("(?<![\\w:.-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![\\w:-])"),
          m -> "<mac>"),
      // The pattern only finds candidates; isIpv6 decides, which is what keeps times like 12:30:45 out.
      new Rule("ipv6",
          Pattern.compile("(?<![\\w:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,}"
              + "(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?:%[0-9A-Za-z]+)?(?![\\w:]|\\.\\d)"),
          m -> isIpv6(m.group()) ? "<ipv6>" : null),
      // A preceding word character (the "v" of v2.10.4.1) or dot, or a following ".digit", marks a version or OID.
      new Rule("ipv4",
          Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\w|\\.\\d)"),
          m -> "<ipv4>"),

      new Rule("card-number",
          Pattern.compile("(?<![\\w.-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?"
              + "|\\d{4}([ -])\\d{6}\\2\\d{5})(?![\\w-]|\\.\\d)"),
          m -> isCardNumber(m.group()) ? "<card-number>" : null),

      // International numbers need their "+"; national ones only in the North American 3-3-4 shape, because a bare
      // run of digits in other national formats is indistinguishable from sizes, counts and ids.
      new Rule("phone",
          Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,4}){2,6}(?!\\d)"),
          Redactor::internationalPhone),
      new Rule("phone",
          Pattern.compile("(?<![\\w+.-])(?:1[ .-])?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[.-])\\d{3}[ .-]\\d{4}"
              + "(?![\\w-]|[.-]\\d)"),
          m -> "<phone>"),

      // AWS account ids are exactly 12 digits; a decimal fraction or a longer run is something else.
      new Rule("account-id",
          Pattern.compile("(?<![\\w.-])\\d{12}(?![\\w-]|\\.\\d)"),
          m -> "<account-id>"),

      new Rule("api-key",
          Pattern.compile("(?<![\\w-])[0-9A-Fa-f]{32,}(?![\\w-])"),
          m -> hasDigit(m.group()) && hasLetter(m.group()) ? "<api-key>" : null),
      new Rule("api-key",
          Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/_=-])"),
          m -> looksRandom(m.group()) ? "<api-key>" : null));

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
    for (Rule rule : RULES) {
      result = apply(result, rule, kinds);
    }
    Rule names = nameRule(knownNames);
    return names == null ? result : apply(result, names, kinds);
  }

  private static String apply(String text, Rule rule, Set<String> kinds) {
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
          kinds.add(rule.kind());
        }
      }
      if (!more) {
        break;
      }
      segmentStart = placeholders.end();
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static Rule nameRule(Collection<String> knownNames) {
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
    return new Rule("name", pattern, m -> "<name>");
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

  private static Pattern labelledId(String label) {
    return Pattern.compile("(?<prefix>(?<![A-Za-z0-9])" + label + "(?![A-Za-z0-9])[\"']?"
        + "(?:\\s*(?<sep>[:=#]|\\bis\\b|\\bwas\\b)\\s*|\\s+))" + VALUE, CI);
  }

  private static boolean acceptId(Matcher m, String value) {
    if (!isValue(value)) {
      return false;
    }
    // Without a separator the next word may be ordinary prose ("request id format"): only an id-like value counts.
    return m.group("sep") != null ? value.length() >= 2 : value.length() >= 4 && hasDigit(value);
  }

  private static Function<Matcher, String> labelled(String kind, BiPredicate<Matcher, String> accept) {
    String placeholder = "<" + kind + ">";
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

  /** Whether a labelled value is a real value rather than a word of prose, an empty mask or a variable reference. */
  private static boolean isValue(String value) {
    if (value.isEmpty() || NOT_A_VALUE.contains(value.toLowerCase(Locale.ROOT))) {
      return false;
    }
    // ${DB_PASSWORD}, $TOKEN, %API_KEY%, {{ secret }}: references to a secret, not the secret, and useful to keep.
    return !(value.startsWith("$") || value.startsWith("%") || value.startsWith("{{"));
  }

  /** Generated-looking: letters and digits mixed, or long with both cases; not a path or a file name. */
  private static boolean looksLikeSecret(String value) {
    if (value.length() < 8 || value.startsWith("/") || value.startsWith("./") || value.startsWith("~/")
        || value.matches("(?s).*\\.[A-Za-z]{2,5}")) {
      return false;
    }
    boolean mixed = hasDigit(value) && hasLetter(value);
    boolean longMixedCase = value.length() >= 20 && value.chars().anyMatch(Character::isUpperCase)
        && value.chars().anyMatch(Character::isLowerCase);
    return mixed || longMixedCase;
  }

  /**
   * A base64-like run that is random rather than an identifier or a path: upper, lower case and digits, and the
   * character class changes between neighbours often (about 64% of the time for random base64, rarely above 25%
   * for camelCase names and paths).
   */
  private static boolean looksRandom(String token) {
    String s = token.replaceAll("=+$", "");
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int changes = 0;
    int previous = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int cls;
      if (c >= 'A' && c <= 'Z') {
        upper = true;
        cls = 0;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
        cls = 1;
      } else if (c >= '0' && c <= '9') {
        digit = true;
        cls = 2;
      } else {
        cls = 3;
      }
      if (previous >= 0 && cls != previous) {
        changes++;
      }
      previous = cls;
    }
    return upper && lower && digit && changes >= 0.35 * (s.length() - 1);
  }

  private static String internationalPhone(Matcher m) {
    String match = m.group();
    // The pattern may swallow a following number ("+44 20 7946 0958 1024"): give back trailing groups until the
    // digit count is that of a phone number.
    String phone = match;
    while (countDigits(phone) > 15) {
      int cut = Math.max(Math.max(phone.lastIndexOf(' '), phone.lastIndexOf('-')), phone.lastIndexOf('.'));
      if (cut <= 0) {
        return null;
      }
      phone = phone.substring(0, cut);
    }
    int digits = countDigits(phone);
    return digits >= 8 ? "<phone>" + match.substring(phone.length()) : null;
  }

  static boolean isIpv6(String candidate) {
    String address = candidate;
    int zone = address.indexOf('%');
    if (zone >= 0) {
      address = address.substring(0, zone);
    }
    int extraGroups = 0;
    int lastColon = address.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    String tail = address.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!IPV4_EXACT.matcher(tail).matches()) {
        return false;
      }
      // An embedded IPv4 address takes the place of two groups.
      address = address.substring(0, lastColon + 1) + "0";
      extraGroups = 1;
    }
    if (!hasDigit(candidate)) {
      return false;
    }
    int compressed = address.indexOf("::");
    if (compressed < 0) {
      String[] groups = address.split(":", -1);
      return groups.length + extraGroups == 8 && allHexGroups(groups);
    }
    if (address.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    String left = address.substring(0, compressed);
    String right = address.substring(compressed + 2);
    String[] leftGroups = left.isEmpty() ? new String[0] : left.split(":", -1);
    String[] rightGroups = right.isEmpty() ? new String[0] : right.split(":", -1);
    int groups = leftGroups.length + rightGroups.length + extraGroups;
    if (groups > 7 || !allHexGroups(leftGroups) || !allHexGroups(rightGroups)) {
      return false;
    }
    // "::1" and "::" are not about anyone. With only two groups "ab12::cd" is far more likely a C++ or Rust path
    // than an address, so the first group must then be a routable prefix (global, unique-local, link-local,
    // multicast), as in 2001::1 or fe80::1.
    if (groups < 2) {
      return false;
    }
    return groups > 2 || leftGroups.length > 0 && ROUTABLE_PREFIX.matcher(leftGroups[0]).matches();
  }

  private static boolean allHexGroups(String[] groups) {
    for (String group : groups) {
      if (!HEX_GROUP.matcher(group).matches()) {
        return false;
      }
    }
    return true;
  }

  static boolean isCardNumber(String candidate) {
    String digits = candidate.replaceAll("[ -]", "");
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    // Card numbers start with 2-6 (Mastercard, Amex/Diners, Visa, Mastercard, Discover); this keeps epoch
    // milliseconds and nanoseconds, which start with 1, out even when they happen to pass Luhn.
    char first = digits.charAt(0);
    if (first < '2' || first > '6') {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static int countDigits(String s) {
    return (int) s.chars().filter(c -> c >= '0' && c <= '9').count();
  }

  private static boolean hasDigit(String s) {
    return s.chars().anyMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean hasLetter(String s) {
    return s.chars().anyMatch(Character::isLetter);
  }
}
