package dev.vigil.activities.learning.redaction;

import static dev.vigil.activities.learning.redaction.Labels.CI;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ways to reach a person: email addresses and phone numbers. */
public final class ContactRules {

  private ContactRules() {}

  /** Emails, and numbers introduced as phone numbers, whatever their shape. */
  public static final List<RedactionRule> LABELLED = List.of(
      // Not followed by ":path": git@github.com:org/repo.git is an scp-style remote, not a mailbox.
      RedactionRule.whole(Kind.EMAIL,
          Pattern.compile("(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?){0,8}\\.[A-Za-z]{2,}(?![\\w-]|:[\\w~/.])")),
      new RedactionRule(Kind.PHONE,
          Pattern.compile("(?<prefix>(?<![A-Za-z])(?:phone|telephone|tel|mobile|cell|fax|telefon|handy|t[ée]l[ée]phone"
              + "|portable)(?:[ _-]?(?:number|no\\.?|nr\\.?|#))?\\s*[:=]?\\s*)(?<v>\\+?[\\d(][\\d ()/.-]{5,}\\d)(?!\\d)",
              CI),
          m -> {
            int digits = Checks.countDigits(m.group("v"));
            return digits >= 7 && digits <= 15 ? m.group("prefix") + Kind.PHONE.placeholder() : null;
          }));

  /**
   * Phone numbers without a label. International ones need their "+". National ones need a shape that sizes,
   * counts, versions and times do not have: the North American 3-3-4 shape, or a trunk prefix 0 and an area code
   * followed by a separated subscriber number of 9-12 digits in all ("030 12345678", "07700 900123",
   * "(030) 1234567", "0171/1234567"), or the French 5 pairs ("01 23 45 67 89").
   */
  public static final List<RedactionRule> BARE_PHONES = List.of(
      new RedactionRule(Kind.PHONE,
          Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,4}){2,6}(?!\\d)"),
          ContactRules::internationalPhone),
      RedactionRule.whole(Kind.PHONE,
          Pattern.compile("(?<![\\w+.-])(?:1[ .-])?(?:\\(\\d{3}\\)[ .-]?|\\d{3}[.-])\\d{3}[ .-]\\d{4}"
              + "(?![\\w-]|[.-]\\d)")),
      RedactionRule.checked(Kind.PHONE,
          Pattern.compile("(?<![\\w+.:/@#(-])(?:\\(0[1-9]\\d{1,4}\\)|0[1-9]\\d{1,4})[ /-]\\d{3,8}(?:[ -]\\d{2,5}){0,2}"
              + "(?![\\w-]|[.:/,]\\d)"),
          phone -> Checks.countDigits(phone) >= 9 && Checks.countDigits(phone) <= 12),
      RedactionRule.whole(Kind.PHONE,
          Pattern.compile("(?<![\\w+.:/-])0[1-9](?:([ .])\\d{2})(?:\\1\\d{2}){3}(?![\\w-]|[.:]\\d)")));

  private static String internationalPhone(Matcher m) {
    String match = m.group();
    // The pattern may swallow a following number ("+44 20 7946 0958 1024"): give back trailing groups until the
    // digit count is that of a phone number.
    String phone = match;
    while (Checks.countDigits(phone) > 15) {
      int cut = Math.max(Math.max(phone.lastIndexOf(' '), phone.lastIndexOf('-')), phone.lastIndexOf('.'));
      if (cut <= 0) {
        return null;
      }
      phone = phone.substring(0, cut);
    }
    int digits = Checks.countDigits(phone);
    return digits >= 8 ? Kind.PHONE.placeholder() + match.substring(phone.length()) : null;
  }
}
