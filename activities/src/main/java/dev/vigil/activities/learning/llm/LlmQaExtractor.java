package dev.vigil.activities.learning.llm;

import static dev.vigil.activities.assistant.llm.ModelOutput.describe;
import static dev.vigil.activities.assistant.llm.ModelOutput.parse;
import static dev.vigil.activities.assistant.llm.ModelOutput.shortText;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.vigil.activities.assistant.llm.Grounding;
import dev.vigil.activities.learning.AnswerCleaner;
import dev.vigil.activities.learning.LearningSettings;
import dev.vigil.activities.learning.QaExtractor;
import dev.vigil.activities.learning.Redactor;
import dev.vigil.workflows.learning.CaseTurn;
import dev.vigil.workflows.learning.Extraction;
import dev.vigil.workflows.learning.LearnedQa;
import dev.vigil.workflows.learning.LearningCase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction with a chat model (structured JSON output). The model sees only the redacted case, as a JSON document
 * whose roles Vigil sets ({@link CaseDocument}); its output is validated (non-empty, reusable, within limits),
 * redacted again, and each answer must pass the live answers' {@link Grounding} check against the analysts' turns
 * and the resolution note, so a fix or promise that only a customer wrote is never learned, whatever the model was
 * talked into. When the provider fails or answers nonsense, the rule-based extractor answers and the reason says so.
 */
public final class LlmQaExtractor implements QaExtractor {
  private static final Logger log = LoggerFactory.getLogger(LlmQaExtractor.class);
  private static final int MAX_PAIRS = 3;

  private final PairExtractor model;
  private final String provider;
  private final QaExtractor fallback;
  private final Redactor redactor;
  private final LearningSettings settings;

  /** What the model answers. */
  public record Output(List<Pair> pairs, String reason) {}

  /** One pair as the model writes it. */
  public record Pair(String question, String answer) {}

  public LlmQaExtractor(ChatModel model, String provider, QaExtractor fallback, Redactor redactor,
      LearningSettings settings) {
    this.model = AiServices.create(PairExtractor.class, model);
    this.provider = provider;
    this.fallback = fallback;
    this.redactor = redactor;
    this.settings = settings;
  }

  @Override
  public Extraction extract(LearningCase c) {
    List<String> sources = CaseDocument.groundingSources(c);
    if (sources.stream().allMatch(String::isBlank)) {
      // Nothing an analyst wrote: whatever the model made of the customer's turns could not be grounded.
      return new Extraction(List.of(), "nothing to learn: no analyst turn or resolution note to ground a pair in");
    }
    Output out;
    try {
      out = parse(model.extract(CaseDocument.of(c)), Output.class);
      if (out.pairs() == null) {
        throw new IllegalArgumentException("pairs is missing");
      }
    } catch (RuntimeException e) {
      log.warn("LLM extraction failed for {}, using rules: {}", c.ticketId(), describe(e));
      Extraction byRules = fallback.extract(c);
      return new Extraction(byRules.pairs(), "LLM failed (" + describe(e) + "); rules: " + byRules.reason());
    }
    List<LearnedQa> pairs = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<String> messageIds = CaseDocument.dialogue(c).stream().map(CaseTurn::messageId).toList();
    for (Pair p : out.pairs()) {
      if (pairs.size() == MAX_PAIRS) {
        dropped.add("more than " + MAX_PAIRS + " pairs");
        break;
      }
      String question = p.question() == null ? "" : redactor.redact(fromData(p.question()).strip(), List.of());
      String answer = AnswerCleaner.clean(p.answer() == null ? "" : redactor.redact(fromData(p.answer()), List.of()),
          settings.maxAnswerChars());
      if (question.isEmpty() || answer.isEmpty()) {
        dropped.add("a pair without question or reusable answer");
        continue;
      }
      var unsupported = Grounding.unsupported(answer, sources, "the analysts' resolution");
      if (unsupported.isPresent()) {
        log.warn("Learned pair from {} dropped: {}", c.ticketId(), unsupported.get());
        dropped.add("a pair whose answer " + unsupported.get());
        continue;
      }
      pairs.add(new LearnedQa(c.key() + "#qa" + (pairs.size() + 1), question, answer, c.product(), c.tags(),
          messageIds, provider));
    }
    String reason = provider + ": " + shortText(out.reason()) + (dropped.isEmpty() ? "" : "; dropped " + dropped);
    return new Extraction(pairs, pairs.isEmpty() ? "nothing to learn (" + reason + ")" : reason);
  }

  /** The model saw placeholders as ‹email› (its input cannot open tags): store them in their real form. */
  private static String fromData(String text) {
    return text.replace('‹', '<').replace('›', '>');
  }
}
