package dev.vigil.activities.assistant;

import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeQuery;
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

/**
 * The proactive pipeline without an LLM: rules identify the turn, the rewriter makes a standalone query, hybrid
 * retrieval finds knowledge, a calibrated cosine threshold decides answerability, and the answer is extracted from
 * the best entry with its citation. Repeats of what the ticket was already offered are suppressed.
 */
public class NoLlmAssistantActivities implements AssistantActivities {
  private static final List<TurnKind> PRIORITY = List.of(
      TurnKind.ERROR_REPORT, TurnKind.QUESTION, TurnKind.TROUBLESHOOTING, TurnKind.STATUS_INQUIRY);

  private final KnowledgeIndex index;
  private final Embedder embedder;
  private final AssistantSettings settings;
  private final StepMetrics metrics;

  public NoLlmAssistantActivities(KnowledgeIndex index, Embedder embedder, AssistantSettings settings,
      MeterRegistry meters) {
    this.index = index;
    this.embedder = embedder;
    this.settings = settings;
    this.metrics = new StepMetrics(meters, "none");
  }

  @Override
  public Understanding understand(UnderstandRequest request) {
    return metrics.time("understand", () -> identifyAndRewrite(request), u -> u.kind().wireName());
  }

  @Override
  public Proposal propose(ProposeRequest request) {
    return metrics.time("propose", () -> retrieveAndAnswer(request), p -> p.outcome().wireName());
  }

  private Understanding identifyAndRewrite(UnderstandRequest request) {
    Delivery delivery = settings.deliveryFor(request.tenant());
    List<String> helpable = new ArrayList<>();
    TurnKind kind = null;
    TurnKind last = TurnKind.ACKNOWLEDGEMENT;
    for (String turn : request.customerTurns()) {
      TurnKind k = TurnRules.classify(turn);
      last = k;
      if (k.helpable()) {
        if (k != TurnKind.STATUS_INQUIRY) {
          helpable.add(turn);
        }
        if (kind == null || PRIORITY.indexOf(k) < PRIORITY.indexOf(kind)) {
          kind = k;
        }
      }
    }
    if (kind == null) {
      return new Understanding(last, null, switch (last) {
        case GREETING -> "greeting: nothing to help with";
        case THANKS -> "thanks: nothing to help with";
        case ACKNOWLEDGEMENT -> "acknowledgement: nothing to help with";
        default -> "out of scope: no question, error or request for help in the turn";
      }, delivery);
    }
    if (kind == TurnKind.STATUS_INQUIRY) {
      return new Understanding(kind, null, "status inquiry: answered from the ticket's timeline", delivery);
    }
    String query = QueryRewriter.rewrite(request.subject(), helpable);
    return new Understanding(kind, query, kind.wireName().replace('_', ' ') + " in "
        + request.customerTurns().size() + " turn(s)", delivery);
  }

  private Proposal retrieveAndAnswer(ProposeRequest request) {
    List<KnowledgeHit> hits = retrieve(request);
    KnowledgeHit best = hits.stream().filter(h -> h.cosine() != null)
        .max((a, b) -> Double.compare(a.cosine(), b.cosine())).orElse(null);
    if (best == null || best.cosine() < settings.minConfidence()) {
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), best == null ? 0 : best.cosine(),
          best == null ? "no knowledge matches the question"
              : String.format(Locale.ROOT, "no knowledge above threshold (best %s, cosine %.2f < %.2f)",
                  best.entry().id(), best.cosine(), settings.minConfidence()));
    }
    String id = best.entry().id();
    String reason = String.format(Locale.ROOT, "best match %s (cosine %.2f, BM25 rank %s, fused rank %d)", id,
        best.cosine(), best.bm25Rank() == null ? "-" : best.bm25Rank(), best.rank());
    return deliverable(request, extract(best.entry().answer()), List.of(id), best.cosine(), reason);
  }

  /** The retrieve step: hybrid search over global knowledge and the asking tenant's own. */
  public List<KnowledgeHit> retrieve(ProposeRequest request) {
    return index.search(new KnowledgeQuery(request.query(), request.tenant(), null, null, 5, 50));
  }

  /**
   * The suppress and deliver steps for an answer: a repeat of what the ticket was already offered (same citation,
   * or cosine to an offered answer at the threshold) is suppressed; otherwise the tenant's policy decides between
   * suggesting it and answering the customer directly.
   */
  public Proposal deliverable(ProposeRequest request, String answer, List<String> citations, double confidence,
      String reason) {
    for (String id : citations) {
      if (request.citedBefore().contains(id)) {
        return new Proposal(ProposalOutcome.REPEAT, null, citations, confidence,
            "repeat: " + id + " was already offered on this ticket");
      }
    }
    float[] vector = embedder.embed(answer);
    for (String offered : request.offeredAnswers()) {
      double similarity = Embedder.cosine(vector, embedder.embed(offered));
      if (similarity >= settings.repeatCosine()) {
        return new Proposal(ProposalOutcome.REPEAT, null, citations, confidence, String.format(Locale.ROOT,
            "repeat of an earlier suggestion (cosine %.2f ≥ %.2f)", similarity, settings.repeatCosine()));
      }
    }
    boolean auto = settings.deliveryFor(request.tenant()) == Delivery.AUTO
        && confidence >= settings.autoMinConfidence();
    return auto
        ? new Proposal(ProposalOutcome.ANSWER, answer, citations, confidence, reason, Delivery.AUTO,
            settings.autoWait())
        : new Proposal(ProposalOutcome.ANSWER, answer, citations, confidence, reason);
  }

  /** The entry's answer, cut at a sentence boundary when longer than the limit. */
  String extract(String answer) {
    String text = answer.strip();
    if (text.length() <= settings.maxAnswerChars()) {
      return text;
    }
    String cut = text.substring(0, settings.maxAnswerChars());
    int end = Math.max(cut.lastIndexOf(". "), Math.max(cut.lastIndexOf(".\n"), cut.lastIndexOf("! ")));
    return end > settings.maxAnswerChars() / 3 ? cut.substring(0, end + 1) : cut.strip() + "…";
  }
}
