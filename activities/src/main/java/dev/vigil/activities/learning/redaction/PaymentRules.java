package dev.vigil.activities.learning.redaction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bank accounts and cards, each confirmed by its check digits so that look-alike ids and numbers stay. */
public final class PaymentRules {

  private PaymentRules() {}

  public static final List<RedactionRule> ALL = List.of(
      // IBANs, compact or in groups of four; before the id rules, which would take "DE89" after "account number".
      new RedactionRule(Kind.IBAN,
          Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"),
          PaymentRules::iban),
      RedactionRule.checked(Kind.CARD_NUMBER,
          Pattern.compile("(?<![\\w.-])(?:\\d{13,19}|\\d{4}([ .-])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{3})?"
              + "|\\d{4}([ -])\\d{6}\\2\\d{5})(?![\\w-]|\\.\\d)"),
          Checks::isCardNumber));

  /**
   * In grouped form the pattern may take a following word of four capitals or digits ("… 0130 00 TEST"): give back
   * trailing groups until the rest is a valid IBAN.
   */
  private static String iban(Matcher m) {
    String match = m.group();
    for (int end = match.length(); end >= 15; end = match.lastIndexOf(' ', end - 1)) {
      if (Checks.isIban(match.substring(0, end))) {
        return Kind.IBAN.placeholder() + match.substring(end);
      }
    }
    return null;
  }
}
