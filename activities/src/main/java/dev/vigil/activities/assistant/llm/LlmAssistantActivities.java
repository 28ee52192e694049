package dev.vigil.activities.assistant.llm;

import static dev.vigil.activities.assistant.llm.ModelOutput.asData;
import static dev.vigil.activities.assistant.llm.ModelOutput.describe;
import static dev.vigil.activities.assistant.llm.ModelOutput.parse;
import static dev.vigil.activities.assistant.llm.ModelOutput.shortText;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.vigil.activities.assistant.AssistantSettings;
import dev.vigil.activities.assistant.NoLlmAssistantActivities;
import dev.vigil.activities.assistant.StepMetrics;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.workflows.assistant.AssistantActivities;
import dev.vigil.workflows.assistant.Delivery;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.ProposalOutcome;
import dev.vigil.workflows.assistant.ProposeRequest;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.UnderstandRequest;
import dev.vigil.workflows.assistant.Understanding;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proactive pipeline with a chat model: the model identifies and rewrites the turns, and answers from the
 * retrieved entries. Customer text reaches the model only inside delimiters, as data. Every model output is parsed
 * and validated: unknown kinds, invented citations, answers that ask the customer for more or send them to support,
 * and answers not grounded in the cited entries are dropped with the reason. When the provider fails (timeout,
 * error, unparseable output) the no-LLM step answers instead, and the reason says so.
 */
public class LlmAssistantActivities implements AssistantActivities {
  private static final Logger log = LoggerFactory.getLogger(LlmAssistantActivities.class);
  private static final Pattern FORBIDDEN = Pattern.compile("(?i)(contact (our )?support|reach out to (us|support)"
      + "|open a (new )?ticket|could you (please )?(share|send|provide)|please (share|send|provide)"
      + "|can you (share|send|provide)|let us know (the|your))");

  private final TurnUnderstander understander;
  private final GroundedAnswerer answerer;
  private final NoLlmAssistantActivities rules;
  private final AssistantSettings settings;
  private final StepMetrics metrics;
  private final String provider;

  /** What the model answers for the identify and rewrite steps. */
  record UnderstandOutput(String kind, String query, String reason) {}

  /** What the model answers for the answer step. */
  record AnswerOutput(Boolean answerable, String answer, List<String> citations, String reason) {}

  public LlmAssistantActivities(ChatModel model, String provider, NoLlmAssistantActivities rules,
      AssistantSettings settings, MeterRegistry meters) {
    this.understander = AiServices.create(TurnUnderstander.class, model);
    this.answerer = AiServices.create(GroundedAnswerer.class, model);
    this.rules = rules;
    this.settings = settings;
    this.metrics = new StepMetrics(meters, provider);
    this.provider = provider;
  }

  @Override
  public Understanding understand(UnderstandRequest request) {
    long start = System.nanoTime();
    Delivery delivery = settings.deliveryFor(request.tenant());
    try {
      String turns = request.customerTurns().stream().map(ModelOutput::asData)
          .collect(Collectors.joining("\n---\n"));
      UnderstandOutput out = parse(understander.understand(asData(request.subject()), turns),
          UnderstandOutput.class);
      TurnKind kind = TurnKind.fromWire(out.kind() == null ? "" : out.kind().strip());
      boolean needsQuery = kind.helpable() && kind != TurnKind.STATUS_INQUIRY;
      if (needsQuery && (out.query() == null || out.query().isBlank())) {
        throw new IllegalArgumentException("no query for a " + kind.wireName());
      }
      record(start, "understand", kind.wireName());
      return new Understanding(kind, needsQuery ? firstWords(out.query(), 80) : null,
          kind.wireName().replace('_', ' ') + " (" + provider + "): " + shortText(out.reason()), delivery);
    } catch (RuntimeException e) {
      record(start, "understand", "fallback");
      log.warn("LLM understand step failed, using rules: {}", describe(e));
      Understanding byRules = rules.understand(request);
      return new Understanding(byRules.kind(), byRules.query(),
          "LLM failed (" + describe(e) + "); rules: " + byRules.reason(), byRules.delivery());
    }
  }

  @Override
  public Proposal propose(ProposeRequest request) {
    long start = System.nanoTime();
    List<KnowledgeHit> hits;
    try {
      hits = rules.retrieve(request);
    } catch (RuntimeException e) {
      record(start, "propose", "error");
      throw e; // the knowledge index is down: let the activity retry, the LLM cannot help without it
    }
    if (hits.isEmpty()) {
      record(start, "propose", ProposalOutcome.NO_KNOWLEDGE.wireName());
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), 0, "no knowledge matches the question");
    }
    AnswerOutput out;
    try {
      out = parse(answerer.answer(asData(request.query()), knowledge(hits)), AnswerOutput.class);
      if (out.answerable() == null) {
        throw new IllegalArgumentException("answerable is missing");
      }
    } catch (RuntimeException e) {
      log.warn("LLM answer step failed, using the no-LLM answer: {}", describe(e));
      Proposal byRules = rules.propose(request);
      record(start, "propose", "fallback");
      return new Proposal(byRules.outcome(), byRules.text(), byRules.citations(), byRules.confidence(),
          "LLM failed (" + describe(e) + "); no-LLM: " + byRules.reason(), byRules.delivery(),
          byRules.autoAfter());
    }
    Proposal proposal = validated(request, hits, out);
    record(start, "propose", proposal.outcome().wireName());
    return proposal;
  }

  private Proposal validated(ProposeRequest request, List<KnowledgeHit> hits, AnswerOutput out) {
    if (!out.answerable()) {
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), 0,
          "the model found no matching knowledge: " + shortText(out.reason()));
    }
    Map<String, KnowledgeHit> retrieved = hits.stream()
        .collect(Collectors.toMap(h -> h.entry().id(), h -> h, (a, b) -> a));
    List<String> citations = out.citations() == null ? List.of() : out.citations();
    String answer = out.answer() == null ? "" : out.answer().strip();
    String problem = null;
    if (answer.isEmpty()) {
      problem = "answer dropped: the model marked it answerable but gave no answer";
    } else if (citations.isEmpty()) {
      problem = "answer dropped: it cites no knowledge";
    } else if (!retrieved.keySet().containsAll(citations)) {
      List<String> invented = new ArrayList<>(citations);
      invented.removeAll(retrieved.keySet());
      problem = "answer dropped: it cites " + invented + ", which were not retrieved";
    } else if (FORBIDDEN.matcher(answer).find()) {
      problem = "answer dropped: it asks the customer for more or sends them to support";
    } else {
      List<String> citedTexts = citations.stream().map(retrieved::get)
          .map(h -> (h.entry().question() == null ? "" : h.entry().question()) + " " + h.entry().answer()).toList();
      problem = Grounding.unsupported(answer, citedTexts, "the cited knowledge").map(why -> "answer dropped: " + why)
          .orElse(null);
    }
    double confidence = citations.stream().map(retrieved::get).filter(h -> h != null && h.bestCosine() != null)
        .mapToDouble(KnowledgeHit::bestCosine).max().orElse(0);
    if (problem != null) {
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), confidence, problem);
    }
    String text = answer.length() > settings.maxAnswerChars()
        ? answer.substring(0, settings.maxAnswerChars()).strip() + "…" : answer;
    return rules.deliverable(request, text, List.copyOf(citations), confidence, String.format(Locale.ROOT,
        "%s answer citing %s (best cosine %.2f)", provider, citations, confidence));
  }

  /** The retrieved entries as the model sees them: id, question and answer. */
  private static String knowledge(List<KnowledgeHit> hits) {
    StringBuilder text = new StringBuilder();
    for (KnowledgeHit hit : hits) {
      text.append("[").append(hit.entry().id()).append("]\n")
          .append("Question: ").append(hit.entry().question() == null ? "" : hit.entry().question()).append('\n')
          .append("Answer: ").append(hit.entry().answer()).append("\n\n");
    }
    return text.toString().strip();
  }

  private void record(long start, String step, String outcome) {
    metrics.record(step, outcome, start);
  }

  private static String firstWords(String text, int max) {
    String[] words = text.strip().split("\\s+");
    return words.length <= max ? text.strip() : String.join(" ", java.util.Arrays.copyOf(words, max));
  }
}
