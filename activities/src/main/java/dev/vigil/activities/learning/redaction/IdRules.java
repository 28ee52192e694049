package dev.vigil.activities.learning.redaction;

import static dev.vigil.activities.learning.redaction.Labels.CI;
import static dev.vigil.activities.learning.redaction.Labels.VALUE;
import static dev.vigil.activities.learning.redaction.Labels.labelled;
import static dev.vigil.activities.learning.redaction.Labels.labelledId;

import java.util.List;
import java.util.regex.Pattern;

/** Ids of accounts, instances and requests: they point at one customer's data. */
public final class IdRules {

  private IdRules() {}

  /** Ids named by a label, typed by it (a tenant's UUID is an account id, not a request id), or by their prefix. */
  public static final List<RedactionRule> LABELLED_AND_PREFIXED = List.of(
      new RedactionRule(Kind.REQUEST_ID,
          labelledId("(?:x-)?(?:request|req|trace|correlation|span|transaction)[ _-]?id"),
          labelled(Kind.REQUEST_ID, Labels::acceptId)),
      new RedactionRule(Kind.INSTANCE_ID, labelledId("(?:instance|vm)[ _-]?id"),
          labelled(Kind.INSTANCE_ID, Labels::acceptId)),
      new RedactionRule(Kind.ACCOUNT_ID,
          labelledId("(?:account|acct|customer|tenant|subscription|organi[sz]ation|org)"
              + "[ _-]?(?:id|number|num|no\\.?)"),
          labelled(Kind.ACCOUNT_ID, Labels::acceptId)),
      new RedactionRule(Kind.ACCOUNT_ID,
          Pattern.compile("(?<prefix>(?<![A-Za-z0-9])(?:account|acct)(?:\\s*[:=#]\\s*|\\s+))" + VALUE, CI),
          labelled(Kind.ACCOUNT_ID, (m, v) -> v.length() >= 6 && Checks.hasDigit(v)
              && v.matches("[A-Za-z0-9][\\w-]*"))),

      RedactionRule.whole(Kind.REQUEST_ID,
          Pattern.compile("(?<![\\w-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![\\w-])")),

      // A digit is required so that words like "vm-images" stay.
      RedactionRule.checked(Kind.INSTANCE_ID,
          Pattern.compile("(?<![\\w-])(?:i-(?:[0-9a-f]{17}|[0-9a-f]{8})"
              + "|(?:vm|ins)-(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,6})(?![\\w-])"),
          id -> id.length() >= 7),
      RedactionRule.whole(Kind.REQUEST_ID,
          Pattern.compile("(?<![\\w-])req[-_](?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{6,}(?![\\w-])")),
      RedactionRule.whole(Kind.ACCOUNT_ID,
          Pattern.compile("(?<![\\w-])(?:acct_|acc-|cus_)(?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{4,}(?![\\w-])")));

  /** AWS account ids are exactly 12 digits; a decimal fraction or a longer run is something else. After phones. */
  public static final List<RedactionRule> BARE_ACCOUNT = List.of(
      RedactionRule.whole(Kind.ACCOUNT_ID, Pattern.compile("(?<![\\w.-])\\d{12}(?![\\w-]|\\.\\d)")));
}
