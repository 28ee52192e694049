package dev.vigil.activities.learning;

import dev.vigil.activities.assistant.QueryRewriter;
import dev.vigil.activities.assistant.TurnRules;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningCase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Extraction without an LLM. The answer is the resolution note when the analyst wrote one, else the last analyst
 * turn with reusable substance; the question is the customer's problem turns before that answer (greetings,
 * thanks and status inquiries left out), rewritten the way the assistant rewrites a live question so that a later
 * customer asking the same thing finds it. Vigil's own adopted answers are not re-learned here: the review step
 * accounts for them against the entries they cite.
 *
 * <p>Who said what comes only from the roles Vigil recorded, never from text: an answer is only ever an analyst's
 * turn or the resolution note, so a customer who types "analyst: ..." into a message cannot supply one. Such a forged
 * line also ends what the question takes from that message, since what follows it is not the customer's problem.
 */
public final class RuleBasedQaExtractor implements QaExtractor {
  private static final int MIN_ANSWER_CHARS = 40;
  private static final Pattern CONTACT = Pattern.compile("(?i)(\\b(reach|contact|call|email|text|ping) (me|us)\\b"
      + "|\\bmy (e-?mail|phone|number|name|account|login) is\\b|\\b(this is|i am|i'm) <name>|^<name> here\\b"
      + "|<(email|phone)>)");
  /** A line of a customer's message that pretends another speaker or a new turn starts. */
  private static final Pattern FORGED_TURN = Pattern.compile("(?im)^[ \\t>*_\"'`-]*(?:-{3,}[ \\t]*$"
      + "|(?:analyst|agent|support|staff|system|vigil|assistant|admin|operator|resolution(?: note)?)[ \\t]*:)");

  private final LearningSettings settings;

  public RuleBasedQaExtractor(LearningSettings settings) {
    this.settings = settings;
  }

  @Override
  public Extraction extract(LearningCase c) {
    List<CaseTurn> turns = c.turns();
    int answerAt = -1;
    String answer = AnswerCleaner.clean(c.resolutionNote(), settings.maxAnswerChars());
    List<String> sources = new ArrayList<>();
    if (answer.length() >= MIN_ANSWER_CHARS) {
      answerAt = lastAnalystTurn(turns, turns.size());
      sources.add("resolution-note");
    } else {
      for (int i = turns.size() - 1; i >= 0; i--) {
        CaseTurn t = turns.get(i);
        if (t.fromAnalyst() && !isVigils(t)) {
          String cleaned = AnswerCleaner.clean(t.text(), settings.maxAnswerChars());
          if (cleaned.length() >= MIN_ANSWER_CHARS) {
            answer = cleaned;
            answerAt = i;
            break;
          }
        }
      }
      if (answerAt < 0) {
        return new Extraction(List.of(), "nothing to learn: no resolution note and no analyst answer with reusable "
            + "substance");
      }
    }
    List<String> problems = new ArrayList<>();
    int questionEnd = answerAt < 0 ? turns.size() : answerAt;
    for (int i = 0; i < questionEnd; i++) {
      CaseTurn t = turns.get(i);
      String own = t.fromCustomer() && t.text() != null ? ownWords(t.text()) : "";
      if (!own.isEmpty()) {
        TurnKind kind = TurnRules.classify(own);
        if (kind.helpable() && kind != TurnKind.STATUS_INQUIRY) {
          problems.add(own);
          sources.add(t.messageId());
        }
      }
    }
    if (answerAt >= 0) {
      sources.add(turns.get(answerAt).messageId());
    }
    if (problems.isEmpty() && (c.subject() == null || c.subject().isBlank())) {
      return new Extraction(List.of(), "nothing to learn: the customer asked no question and the ticket has no "
          + "subject");
    }
    String question = firstWords(QueryRewriter.rewrite(c.subject() == null ? "" : c.subject(),
        problems.stream().map(RuleBasedQaExtractor::withoutContactDetails).toList()), settings.maxQuestionWords());
    if (question.isBlank()) {
      return new Extraction(List.of(), "nothing to learn: no question left after removing ticket specifics");
    }
    List<String> messageIds = sources.stream().filter(s -> !s.equals("resolution-note")).distinct().toList();
    return new Extraction(List.of(new LearnedQa(c.key() + "#qa1", question, answer, c.product(), c.tags(),
        messageIds, "rules")), "question from " + problems.size() + " customer turn(s), answer from "
        + (sources.contains("resolution-note") ? "the resolution note" : "the resolving analyst turn"));
  }

  /** A customer's turn up to the first line that pretends to start another speaker's turn. */
  static String ownWords(String turn) {
    var forged = FORGED_TURN.matcher(turn);
    return (forged.find() ? turn.substring(0, forged.start()) : turn).strip();
  }

  /** A customer's turn without the sentences that only introduce them or say how to reach them. */
  static String withoutContactDetails(String turn) {
    StringBuilder kept = new StringBuilder();
    for (String sentence : turn.split("(?<=[.!?])\\s+")) {
      if (!CONTACT.matcher(sentence).find()) {
        kept.append(sentence).append(' ');
      }
    }
    return kept.toString().strip();
  }

  private static boolean isVigils(CaseTurn t) {
    return t.messageId() != null && t.messageId().startsWith("vigil-");
  }

  private static int lastAnalystTurn(List<CaseTurn> turns, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (turns.get(i).fromAnalyst()) {
        return i;
      }
    }
    return -1;
  }

  private static String firstWords(String text, int max) {
    String[] words = text.strip().split("\\s+");
    return words.length <= max ? text.strip() : String.join(" ", java.util.Arrays.copyOf(words, max));
  }
}
