package dev.vigil.activities.assistant;

import dev.vigil.activities.assistant.answerability.AnswerabilityFeatures;
import dev.vigil.activities.assistant.answerability.AnswerabilityModel;
import dev.vigil.activities.assistant.answerability.Assessment;
import dev.vigil.activities.assistant.answerability.Candidate;
import dev.vigil.activities.assistant.answerability.Repeats;
import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.KnowledgeHit;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.KnowledgeQuery;
import dev.vigil.activities.knowledge.QualityCounters;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proactive pipeline without an LLM: rules identify the turn, the rewriter makes a standalone query, hybrid
 * retrieval finds knowledge, a calibrated answerability model ({@link AnswerabilityModel}) weighs the top hits, and
 * the answer is the passage of the most confident entry that addresses the query, with its citation. Repeats of what
 * the ticket was already offered are suppressed.
 */
public class NoLlmAssistantActivities implements AssistantActivities {
  private static final List<TurnKind> PRIORITY = List.of(
      TurnKind.ERROR_REPORT, TurnKind.QUESTION, TurnKind.TROUBLESHOOTING, TurnKind.STATUS_INQUIRY);

  /** How many of the fused hits are weighed as answers. */
  static final int CANDIDATES = 5;
  /**
   * Longest focused passage: about the 128 word pieces the embedding model reads, and what an analyst takes in at a
   * glance; an answer this short or shorter is offered whole, a longer one by its best passage.
   */
  static final int PASSAGE_CHARS = 420;
  /** Entry versions whose vectors are kept (a few MB). */
  private static final int ENTRY_VECTORS_CACHED = 2_000;

  private final KnowledgeIndex index;
  private final Embedder embedder;
  private final AssistantSettings settings;
  private final StepMetrics metrics;
  private final AnswerabilityModel model;
  private final Assessment.Listener listener;
  private final EntryVectors vectors;

  public NoLlmAssistantActivities(KnowledgeIndex index, Embedder embedder, AssistantSettings settings,
      MeterRegistry meters) {
    this(index, embedder, settings, meters, AnswerabilityModel.shipped(), Assessment.Listener.NONE);
  }

  public NoLlmAssistantActivities(KnowledgeIndex index, Embedder embedder, AssistantSettings settings,
      MeterRegistry meters, AnswerabilityModel model, Assessment.Listener listener) {
    this.index = index;
    this.embedder = embedder;
    this.settings = settings;
    this.metrics = new StepMetrics(meters, "none");
    this.model = model;
    this.listener = listener;
    this.vectors = new EntryVectors(embedder, ENTRY_VECTORS_CACHED);
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
    String query = QueryRewriter.rewrite(request.subject(), helpable, request.earlierTurns());
    return new Understanding(kind, query, kind.wireName().replace('_', ' ') + " in "
        + request.customerTurns().size() + " turn(s)", delivery);
  }

  private Proposal retrieveAndAnswer(ProposeRequest request) {
    Assessment assessment = assess(request);
    if (assessment.candidates().isEmpty()) {
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), 0, "no knowledge matches the question");
    }
    Optional<Candidate> answer = assessment.answer(settings.minConfidence());
    if (answer.isEmpty()) {
      Candidate best = assessment.candidates().get(0);
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), assessment.topConfidence(), String.format(
          Locale.ROOT, "no knowledge above threshold (best %s, confidence %.2f < %.2f; %s)", best.hit().entry().id(),
          assessment.topConfidence(), settings.minConfidence(), scores(best)));
    }
    Candidate chosen = answer.get();
    String id = chosen.hit().entry().id();
    String reason = String.format(Locale.ROOT, "best match %s (confidence %.2f; %s)", id, chosen.confidence(),
        scores(chosen));
    return deliverable(request, chosen.passage(), List.of(id), chosen.confidence(), reason);
  }

  private static String scores(Candidate c) {
    return String.format(Locale.ROOT, "cosine %.2f to its question, %.2f to its answer, BM25 rank %s, fused rank %d",
        c.features().get("question_cosine"), c.features().get("answer_cosine"),
        c.hit().bm25Rank() == null ? "-" : c.hit().bm25Rank(), c.hit().rank());
  }

  /**
   * The answerability step: each of the top fused hits as a candidate, with the passage of its answer that
   * addresses the query, the model's probability that this passage is what a human would answer and the confidence
   * Vigil answers with ({@link Repeats}); most probable first. A query that asks several questions is also weighed
   * question by question ({@link QueryRewriter#subQueries}), and the most confident of these assessments is the
   * answer.
   */
  public Assessment assess(ProposeRequest request) {
    Assessment assessment = weigh(request);
    for (String sub : QueryRewriter.subQueries(request.query())) {
      Assessment part = weigh(new ProposeRequest(request.ticketId(), sub, request.tenant(), request.product(),
          request.offeredAnswers(), request.citedBefore()));
      if (!part.candidates().isEmpty() && (assessment.candidates().isEmpty()
          || part.topConfidence() > assessment.topConfidence())) {
        assessment = part;
      }
    }
    listener.assessed(assessment);
    return assessment;
  }

  private Assessment weigh(ProposeRequest request) {
    List<KnowledgeHit> hits = retrieve(request);
    if (hits.isEmpty()) {
      return new Assessment(request.ticketId(), request.query(), List.of());
    }
    float[] query = embedder.embed(request.query());
    int n = Math.min(CANDIDATES, hits.size());
    double[] questionCosine = new double[n];
    double[] answerCosine = new double[n];
    double[] passageCosine = new double[n];
    String[] passages = new String[n];
    List<float[]> answers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EntryVectors.Vectors v = vectors.of(hits.get(i).entry());
      answers.add(v.answer());
      questionCosine[i] = v.question() == null ? 0 : Embedder.cosine(query, v.question());
      answerCosine[i] = Embedder.cosine(query, v.answer());
      double[] unitScores = new double[v.units().size()];
      for (int u = 0; u < unitScores.length; u++) {
        unitScores[u] = Embedder.cosine(query, v.unitVectors().get(u));
        passageCosine[i] = Math.max(passageCosine[i], unitScores[u]);
      }
      passages[i] = extract(PassageSelector.around(v.units(), unitScores,
          Math.min(PASSAGE_CHARS, settings.maxAnswerChars())));
    }
    int queryWords = request.query().isBlank() ? 0 : request.query().strip().split("\\s+").length;
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      KnowledgeHit hit = hits.get(i);
      double best = Math.max(questionCosine[i], answerCosine[i]);
      double other = 0;
      double consensus = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          other = Math.max(other, Math.max(questionCosine[j], answerCosine[j]));
          consensus += Embedder.cosine(answers.get(i), answers.get(j)) / (n - 1);
        }
      }
      QualityCounters c = hit.entry().counters();
      int legs = (hit.bm25Rank() == null ? 0 : 1) + (hit.knnRank() == null ? 0 : 1)
          + (hit.questionKnnRank() == null ? 0 : 1);
      AnswerabilityFeatures features = new AnswerabilityFeatures(new double[] {
          best, questionCosine[i], answerCosine[i], passageCosine[i],
          hit.entry().question() == null || hit.entry().question().isBlank() ? 0 : 1,
          hit.bm25Rank() == null ? 0 : 1.0 / hit.bm25Rank(),
          hit.bm25Score() == null ? 0 : Math.log1p(hit.bm25Score()),
          1.0 / hit.rank(), legs, best - other,
          Math.log1p(c.support()), Math.log1p(c.adopted() + c.liked()), Math.log1p(c.dismissed() + c.disliked()),
          Math.log1p(queryWords), Math.log1p(words(hit.entry().answer())),
          hit.entry().kind() == EntryKind.QA ? 1 : 0, consensus});
      double probability = model.probability(features);
      candidates.add(new Candidate(hit, passages[i], features, probability,
          Repeats.confidence(probability, questionCosine[i])));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::probability).reversed()
        .thenComparingInt(candidate -> candidate.hit().rank()));
    return new Assessment(request.ticketId(), request.query(), candidates);
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  /**
   * The retrieve step: hybrid search over global knowledge and the asking tenant's own; for a ticket with a product,
   * that product's entries and those that name no product (never another product's).
   */
  public List<KnowledgeHit> retrieve(ProposeRequest request) {
    String product = request.product() == null || request.product().isBlank() ? null : request.product();
    return index.search(new KnowledgeQuery(request.query(), request.tenant(), product, null, CANDIDATES, 50));
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
    // the first answer on a ticket has nothing to repeat: no embedding needed
    float[] vector = request.offeredAnswers().isEmpty() ? null : embedder.embed(answer);
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
