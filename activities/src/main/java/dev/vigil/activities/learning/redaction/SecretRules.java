package dev.vigil.activities.learning.redaction;

import static dev.vigil.activities.learning.redaction.Labels.CI;
import static dev.vigil.activities.learning.redaction.Labels.PHRASE;
import static dev.vigil.activities.learning.redaction.Labels.VALUE;
import static dev.vigil.activities.learning.redaction.Labels.isValue;
import static dev.vigil.activities.learning.redaction.Labels.labelled;

import java.util.List;
import java.util.regex.Pattern;

/** Secrets: private keys, credentials in URLs, keys of a known shape, labelled passwords and keys, random runs. */
public final class SecretRules {
  // The short "pass" and "pw" only in lower case or capitalised: "--- PASS: TestWrite" is Go's test output.
  private static final String PASSWORD_LABEL = "(?:password|passwd|passphrase|passcode|passwort|kennwort"
      + "|mot\\s+de\\s+passe|pwd|(?-i:[Pp]w|[Pp]ass))";
  /** In prose ("my password is hunter2") only the full words count: "pass is" or "pw was" say nothing. */
  private static final String PASSWORD_WORD = "(?:password|passphrase|passcode|passwort|kennwort|mot\\s+de\\s+passe)";

  private SecretRules() {}

  /** Secrets recognisable by their shape alone; they go first, before generic detectors mislabel or split them. */
  public static final List<RedactionRule> SHAPED = List.of(
      // A whole PEM or OpenSSH private key block: header, every body line (the last one is short and would pass
      // any length-based detector), optional Proc-Type/DEK-Info headers, and the END line. A pasted block may have
      // lost its line breaks or its END line; then the body runs up to the first text that cannot be base64.
      RedactionRule.whole(Kind.PRIVATE_KEY, Pattern.compile("-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"
          + "(?:\\s{0,4}(?:[A-Za-z][A-Za-z-]{0,29}:[ \\t][^\\r\\n]{1,120}|[A-Za-z0-9+/=]{1,120})){0,400}"
          + "(?:\\s{0,4}-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)?")),

      // Credentials inside URLs: otherwise "user:pw@host" would look like an email. The password part may contain
      // '@' (greedy to the last '@' before the path) but not '/', which RFC 3986 requires to be percent-encoded
      // there. The scheme is bounded and starts a token so that long dotted text is not rescanned from every word
      // boundary.
      new RedactionRule(Kind.CREDENTIALS,
          Pattern.compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}://)[^\\s/?#@:<>]+:[^\\s/?#<>]*@"),
          m -> m.group(1) + Kind.CREDENTIALS.placeholder() + "@"),

      RedactionRule.whole(Kind.API_KEY,
          Pattern.compile("(?<![\\w-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*")),
      new RedactionRule(Kind.API_KEY,
          Pattern.compile("(?<![A-Za-z0-9])(authorization\\s*[:=]\\s*basic\\s+)([A-Za-z0-9+/]{8,}={0,2})(?![\\w+/=])",
              CI),
          m -> m.group(1) + Kind.API_KEY.placeholder()),
      new RedactionRule(Kind.API_KEY,
          Pattern.compile("\\b(bearer\\s+)([A-Za-z0-9._~+/-]{8,}=*)(?![\\w.~+/=-])", CI),
          m -> Checks.looksLikeSecret(m.group(2)) ? m.group(1) + Kind.API_KEY.placeholder() : null),
      // The signature of an Azure shared access signature URL: percent-encoded base64, useless to anyone reading
      // the ticket and a working credential until it expires.
      new RedactionRule(Kind.API_KEY,
          Pattern.compile("(?<![A-Za-z0-9])(sig=)[A-Za-z0-9%+/_-]{16,}={0,2}(?![A-Za-z0-9%+/=_-])"),
          m -> m.group(1) + Kind.API_KEY.placeholder()),
      RedactionRule.whole(Kind.API_KEY,
          Pattern.compile("(?<![\\w-])(?:"
              + "sk-(?:proj-|ant-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"
              + "|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"
              + "|(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}"
              + "|gh[pousr]_[A-Za-z0-9]{30,}"
              + "|github_pat_[A-Za-z0-9_]{30,}"
              + "|glpat-[A-Za-z0-9_-]{20,}"
              + "|xox[baprs]-[A-Za-z0-9-]{10,}"
              + "|AIza[0-9A-Za-z_-]{30,}"
              + "|key-[0-9A-Za-z]{32}" // Mailgun
              + ")(?![\\w-])")));

  /** Passwords and keys named by a label, in configuration ("pwd=…") or in prose ("mein Passwort ist …"). */
  public static final List<RedactionRule> LABELLED = List.of(
      new RedactionRule(Kind.PASSWORD,
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])" + PASSWORD_LABEL + "[\"']?\\s*[:=]\\s*)" + PHRASE, CI),
          labelled(Kind.PASSWORD, (m, v) -> isValue(v))),
      // In prose the value must read as a password, so "the password is expired" keeps its word.
      new RedactionRule(Kind.PASSWORD,
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])" + PASSWORD_WORD
              + "\\s+(?:is|was|ist|war|lautet|est|était)(?:\\s+(?:now|still|jetzt|noch|maintenant))?\\s+)" + PHRASE,
              CI),
          labelled(Kind.PASSWORD, (m, v) -> isValue(v) && (m.group("qv") != null
              || Checks.looksLikePassword(Labels.firstWord(v))))),
      new RedactionRule(Kind.API_KEY,
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:api[_-]?(?:key|token|secret)|apikey"
              + "|(?:secret[_-]?)?access[_-]?key(?:[_-]?id)?|secret[_-]?key|private[_-]?key|signing[_-]?key"
              + "|client[_-]?secret|(?:access|auth|refresh|session|id|private|bearer)[_-]?token|secret)"
              + "[\"']?\\s*[:=]\\s*)" + PHRASE, CI),
          labelled(Kind.API_KEY, (m, v) -> isValue(v) && v.length() >= 4)),
      // A bare "key" or "token" label is common in ordinary config (ssl.key=/etc/..., sort key: createdAt),
      // so here only a value that looks generated counts.
      new RedactionRule(Kind.API_KEY,
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:key|token)[\"']?\\s*[:=]\\s*)" + VALUE, CI),
          labelled(Kind.API_KEY, (m, v) -> isValue(v) && Checks.looksLikeSecret(v))));

  /** Long random-looking runs with no label; last, so that every more specific rule had its chance. */
  public static final List<RedactionRule> GENERIC = List.of(
      // A full git object id after "commit" or "revision" is what the next ticket is searched by, not a secret.
      RedactionRule.checked(Kind.API_KEY,
          Pattern.compile("(?<!(?:commit|revision|rev|changeset|parent|tree|merge)[ \\t:=#]{1,3})"
              + "(?<![\\w-])[0-9A-Fa-f]{32,}(?![\\w-])", CI),
          run -> Checks.hasDigit(run) && Checks.hasLetter(run)),
      RedactionRule.checked(Kind.API_KEY,
          Pattern.compile("(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{32,}={0,2}(?![A-Za-z0-9+/_=-])"),
          Checks::looksRandom));
}
