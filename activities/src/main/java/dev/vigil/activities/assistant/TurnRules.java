package dev.vigil.activities.assistant;

import dev.vigil.workflows.assistant.TurnKind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The no-LLM identify step: rules that tell questions, error reports, troubleshooting asks and status inquiries from
 * greetings, thanks and acknowledgements. Small talk is recognised only when the whole turn is small talk, so
 * "Hi, why does my backup fail?" is a question.
 */
public final class TurnRules {
  private static final Pattern GREETING = Pattern.compile(
      "^(hi|hello|hey|hiya|good (morning|afternoon|evening|day)|greetings|dear (support|team|all))"
          + "( (there|team|all|everyone|folks|support))?[\\s,.!:]*$");
  private static final Pattern THANKS = Pattern.compile(
      "^((many |big )?(thanks|thank you|thx|ty|cheers|much appreciated|appreciate it|great,? thanks)"
          + "( (so much|a lot|very much|again|for (your|the) help|for that))?[\\s,.!:)]*)+$");
  private static final Pattern ACKNOWLEDGEMENT = Pattern.compile(
      "^(ok|okay|k|sure|got it|understood|will do|sounds good|great|perfect|noted|alright|fine|yes|no|ack)"
          + "([\\s,]+(thanks|thank you))?[\\s,.!:)]*$");
  private static final Pattern STATUS = Pattern.compile(
      "\\b(any (update|updates|news|progress)|what'?s the (status|progress|eta)|status (update|of (my|this|the) "
          + "(ticket|case|request))|how long (will|does|is)|when will (this|it|you) be (fixed|resolved|done)"
          + "|still waiting|eta\\b|is anyone (looking|working))");
  private static final Pattern ERROR = Pattern.compile(
      "\\b(error|exception|failed|fails|failing|failure|timed? ?out|timeout|denied|refused|rejected|crash(es|ed|ing)?"
          + "|stack ?trace|0x[0-9a-f]{2,}|[45]\\d\\d)\\b");
  private static final Pattern QUESTION_START = Pattern.compile(
      "^(how|what|why|when|where|which|who|can|could|should|is|are|does|do|did|will|would|may)\\b");
  private static final Pattern TROUBLE = Pattern.compile(
      "\\b(not working|doesn'?t work|does not work|can'?t|cannot|unable|stuck|broken|won'?t|issue|problem"
          + "|help|wrong|missing|slow|forgot|lost|locked out|need to|how to|trying to|want to"
          + "|doesn'?t|does not|isn'?t|is not|aren'?t|are not|will not|no longer|stopped|anymore|keeps? "
          + "(failing|crashing|dropping|restarting|timing out))\\b");

  private TurnRules() {}

  /** The kind of one customer turn. */
  public static TurnKind classify(String text) {
    String t = normalise(text);
    if (t.isEmpty()) {
      return TurnKind.ACKNOWLEDGEMENT;
    }
    if (THANKS.matcher(t).matches()) {
      return TurnKind.THANKS;
    }
    if (GREETING.matcher(t).matches()) {
      return TurnKind.GREETING;
    }
    if (ACKNOWLEDGEMENT.matcher(t).matches()) {
      return TurnKind.ACKNOWLEDGEMENT;
    }
    if (STATUS.matcher(t).find()) {
      return TurnKind.STATUS_INQUIRY;
    }
    if (ERROR.matcher(t).find()) {
      return TurnKind.ERROR_REPORT;
    }
    if (t.contains("?") || QUESTION_START.matcher(t).find()) {
      return TurnKind.QUESTION;
    }
    if (TROUBLE.matcher(t).find()) {
      return TurnKind.TROUBLESHOOTING;
    }
    return TurnKind.OUT_OF_SCOPE;
  }

  static String normalise(String text) {
    return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
