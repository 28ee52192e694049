package dev.vigil.activities.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps what is reusable in an analyst's answer: drops greetings and sign-offs, talk about the ticket itself
 * (closing, escalating, following up), temporary workarounds and future plans, which would be wrong or misleading
 * when served to a later customer.
 */
public final class AnswerCleaner {
  private static final Pattern GREETING_LINE = Pattern.compile(
      "(?i)^(hi|hello|hey|dear|good (morning|afternoon|evening))\\b[^.!?\\n]{0,40}[,!.:]?$");
  private static final Pattern LEADING_GREETING = Pattern.compile(
      "(?i)^(hi|hello|hey|dear)( there| team| all| everyone)?( <name>| [A-Z][a-z]+)?[,!:]\\s*");
  private static final Pattern SIGN_OFF = Pattern.compile(
      "(?i)^((best|kind|warm)? ?regards|cheers|thanks( again| a lot)?|thank you( for your patience| for waiting)?"
          + "|sincerely|br|--+|<name>)[\\s,.!]*(<name>)?[\\s,.!]*$");
  private static final Pattern[] NOT_REUSABLE = {
      // the ticket itself: closing, escalating, following up
      Pattern.compile("(?i)\\b(i|we)('ve| have| am|'m| are|'re)? ?(now )?(clos(e|ed|ing)|resolv(e|ed|ing)"
          + "|escalat(e|ed|ing)|reopen(ed|ing)?|mark(ed|ing)?) (this|the|your) (ticket|case|request)\\b"),
      Pattern.compile("(?i)\\b(this|the|your) (ticket|case) (is|has been|was|will be) "
          + "(closed|resolved|escalated|reopened|updated)\\b"),
      Pattern.compile("(?i)\\b(let (me|us) know if|feel free to|don't hesitate|do not hesitate|hope (this|that) helps"
          + "|glad (it|that|to hear)|happy to help|sorry for the (delay|inconvenience)|thanks for (your )?(patience|"
          + "reaching out|contacting|waiting))"),
      Pattern.compile("(?i)\\b(i|we)('ll| will) (follow up|get back|update you|keep you (posted|updated)|check (with|"
          + "on)|look into)"),
      // temporary workarounds
      Pattern.compile("(?i)\\b(temporary (work ?around|fix|solution|measure)|as a (temporary )?work ?around"
          + "|for now\\b|in the meantime|until (we|the) (fix|patch|release|deploy)|stop-?gap)"),
      // future plans
      Pattern.compile("(?i)\\b(we('re| are) (working on|investigating|planning)|(will|should) be (fixed|released|"
          + "available|deployed|rolled out) (in|by|soon|next)|in (a|the) (future|next|upcoming) (release|version|update"
          + "|sprint)|on (our|the) roadmap|\\beta\\b|our (engineering|product|dev(elopment)?) team (is|are|will))")};

  private AnswerCleaner() {}

  /** The reusable part of {@code text}, at most {@code maxChars} long (cut at a sentence end), or "" if none. */
  public static String clean(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (String rawLine : text.strip().split("\\n")) {
      String line = LEADING_GREETING.matcher(rawLine.strip()).replaceFirst("");
      if (GREETING_LINE.matcher(line).matches() || SIGN_OFF.matcher(line).matches()) {
        continue;
      }
      List<String> kept = new ArrayList<>();
      for (String sentence : line.split("(?<=[.!?])\\s+(?=[A-Z<\\[(\"'`])")) {
        if (!reusable(sentence)) {
          continue;
        }
        kept.add(sentence);
      }
      lines.add(String.join(" ", kept));
    }
    String joined = String.join("\n", lines).replaceAll("\\n{3,}", "\n\n").strip();
    return cut(joined, maxChars);
  }

  static boolean reusable(String sentence) {
    for (Pattern p : NOT_REUSABLE) {
      if (p.matcher(sentence).find()) {
        return false;
      }
    }
    return true;
  }

  static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    String head = text.substring(0, maxChars);
    int end = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf(".\n"), head.lastIndexOf("\n\n")));
    return end > maxChars / 3 ? head.substring(0, end + 1).strip() : head.strip() + "…";
  }
}
