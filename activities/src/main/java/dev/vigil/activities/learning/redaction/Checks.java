package dev.vigil.activities.learning.redaction;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks that tell a value from a look-alike: check digits, address grammar, randomness. */
final class Checks {
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4_EXACT = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern ROUTABLE_PREFIX =
      Pattern.compile("[23][0-9a-f]{3}|f[cd][0-9a-f]{2}|fe[89ab][0-9a-f]|ff[0-9a-f]{2}", Pattern.CASE_INSENSITIVE);
  /** IBAN length per country (ISO 13616 registry), so that a look-alike needs the right length as well. */
  private static final Map<String, Integer> IBAN_LENGTHS = new HashMap<>();

  static {
    String registry = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 "
        + "EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 "
        + "KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 "
        + "RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20";
    for (String entry : registry.split(" ")) {
      IBAN_LENGTHS.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
  }

  private Checks() {}

  /** Luhn-valid, 13-19 digits, starting with an issuer digit; separators (space, dash, dot) ignored. */
  static boolean isCardNumber(String candidate) {
    String digits = candidate.replaceAll("[ .-]", "");
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

  /** The country's IBAN length and the ISO 7064 mod-97 check (spaces ignored, letters of any case). */
  static boolean isIban(String candidate) {
    String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
    Integer length = iban.length() < 4 ? null : IBAN_LENGTHS.get(iban.substring(0, 2));
    if (length == null || iban.length() != length || !iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
      return false;
    }
    StringBuilder numeric = new StringBuilder();
    for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** A US SSN as issued: area not 000, 666 or 9xx, group not 00, serial not 0000. */
  static boolean isSsn(String candidate) {
    String digits = candidate.replaceAll("\\D", "");
    if (digits.length() != 9) {
      return false;
    }
    String area = digits.substring(0, 3);
    return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9'
        && !digits.startsWith("00", 3) && !digits.endsWith("0000");
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

  /** Generated-looking: letters and digits mixed, or long with both cases; not a path or a file name. */
  static boolean looksLikeSecret(String value) {
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
   * A word that reads as a password rather than as prose ("the password is expired"): it holds a digit, a symbol,
   * or a capital after its first letter.
   */
  static boolean looksLikePassword(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!Character.isLetter(c) || i > 0 && Character.isUpperCase(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A base64-like run that is random rather than an identifier or a path: upper, lower case and digits, and the
   * character class changes between neighbours often (about 64% of the time for random base64, rarely above 25%
   * for camelCase names and paths).
   */
  static boolean looksRandom(String token) {
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

  static int countDigits(String s) {
    return (int) s.chars().filter(c -> c >= '0' && c <= '9').count();
  }

  static boolean hasDigit(String s) {
    return s.chars().anyMatch(c -> c >= '0' && c <= '9');
  }

  static boolean hasLetter(String s) {
    return s.chars().anyMatch(Character::isLetter);
  }
}
