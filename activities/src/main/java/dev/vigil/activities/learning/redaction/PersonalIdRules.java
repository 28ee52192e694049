package dev.vigil.activities.learning.redaction;

import static dev.vigil.activities.learning.redaction.Labels.CI;

import java.util.List;
import java.util.regex.Pattern;

/** Identity documents and the data on them: passport numbers, dates of birth, US SSNs, UK NI numbers. */
public final class PersonalIdRules {
  private static final String MONTH = "(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|m[äa]r(?:ch|z|s)?"
      + "|apr(?:il)?|avr(?:il)?|ma[iy]|june?|juni|juin|july?|juli|juil(?:let)?|aug(?:ust)?|ao[ûu]t"
      + "|sep(?:t(?:ember|embre)?)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|de[cz](?:ember)?|d[ée]c(?:embre)?)";
  private static final String DATE = "(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})"
      + "|\\d{1,2}(?:st|nd|rd|th|er)?\\.?\\s+" + MONTH + "\\.?,?\\s+\\d{4}"
      + "|" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})";

  private PersonalIdRules() {}

  public static final List<RedactionRule> ALL = List.of(
      // Only when the word says so: a bare run of letters and digits is as likely an order or a build number.
      new RedactionRule(Kind.PASSPORT,
          Pattern.compile("(?<prefix>(?<![\\p{L}])(?:passport|reisepass|passeport)"
              + "(?:[ -]?(?:number|no\\.?|nr\\.?|nummer|num[ée]ro|n°|#))?\\s*(?:[:=#]|\\bis\\b|\\bist\\b|\\best\\b)?"
              + "\\s*)(?<v>[A-Z0-9]{6,12})(?![\\w-]|\\.\\w)", CI),
          m -> Checks.countDigits(m.group("v")) >= 2 ? m.group("prefix") + Kind.PASSPORT.placeholder() : null),
      new RedactionRule(Kind.DATE_OF_BIRTH,
          Pattern.compile("(?<prefix>(?<![\\p{L}])(?:DOB|D\\.O\\.B\\.?|date of birth|birth ?date|birthday"
              + "|born(?: on)?|geboren(?: am)?|geburtsdatum|geburtstag|n[ée]e? le|date de naissance)"
              + "\\s*[:=]?\\s*)(?<v>" + DATE + ")(?![\\w])", CI),
          m -> m.group("prefix") + Kind.DATE_OF_BIRTH.placeholder()),
      // US Social Security numbers: the dashed shape alone (no other common number has it), or a labelled run.
      RedactionRule.checked(Kind.NATIONAL_ID,
          Pattern.compile("(?<![\\w.-])\\d{3}-\\d{2}-\\d{4}(?![\\w-]|\\.\\d)"), Checks::isSsn),
      new RedactionRule(Kind.NATIONAL_ID,
          Pattern.compile("(?<prefix>(?<![\\p{L}])(?:SSN|social security(?: number| no\\.?)?)\\s*(?:[:#]|\\bis\\b)?\\s*)"
              + "(?<v>\\d{3} ?\\d{2} ?\\d{4})(?![\\w-])", CI),
          m -> Checks.isSsn(m.group("v")) ? m.group("prefix") + Kind.NATIONAL_ID.placeholder() : null),
      // UK National Insurance numbers: two prefix letters from the allowed set (never D, F, I, Q, U, V; O not
      // second; BG, GB, KN, NK, NT, TN, ZZ never issued), six digits, suffix A-D.
      RedactionRule.whole(Kind.NATIONAL_ID,
          Pattern.compile("(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
              + " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])")));
}
