package dev.vigil.tools.eval;

import dev.vigil.activities.assistant.AssistantSettings;
import dev.vigil.activities.assistant.NoLlmAssistantActivities;
import dev.vigil.activities.assistant.QueryRewriter;
import dev.vigil.activities.assistant.answerability.AnswerabilityModel;
import dev.vigil.activities.assistant.answerability.Assessment;
import dev.vigil.activities.assistant.answerability.Candidate;
import dev.vigil.activities.assistant.risk.RuleBasedRiskActivities;
import dev.vigil.activities.knowledge.Embedder;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.importing.KnowledgeFile;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.activities.learning.AnswerReviewer;
import dev.vigil.activities.learning.CasePreparer;
import dev.vigil.activities.learning.KnowledgeWriter;
import dev.vigil.activities.learning.LearningActivitiesImpl;
import dev.vigil.activities.learning.LearningOffActivities;
import dev.vigil.activities.learning.LearningSettings;
import dev.vigil.activities.learning.OpenAnswerReviewer;
import dev.vigil.activities.learning.Redactor;
import dev.vigil.activities.learning.RuleBasedQaExtractor;
import dev.vigil.activities.learning.importing.TicketFile;
import dev.vigil.tools.cli.ProgressBar;
import dev.vigil.workflows.assistant.AssessActivities;
import dev.vigil.workflows.assistant.ComposedAssessment;
import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.codec.PayloadKeys;
import dev.vigil.workflows.learning.LearningActivities;
import dev.vigil.workflows.learning.LearningWorkflowImpl;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import dev.vigil.workflows.shared.TaskQueues;
import dev.vigil.workflows.ticket.TicketSearchAttributes;
import dev.vigil.workflows.ticket.TicketWorkflowImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The evaluation harness: replays real resolved threads in file order through the real ticket and learning
 * workflows and activities (no-LLM pipeline, embedded Lucene index, time-skipping Temporal test server), then scores
 * what Vigil offered against what the humans answered. See {@link Scoreboard} for the figures and references.
 */
public final class EvaluationHarness {
  private final EvalOptions options;
  private final Embedder embedder;
  private final Embedder retriever;
  private final PrintStream out;
  private final PrintStream err;
  private final AssessmentRecorder assessments = new AssessmentRecorder();

  public EvaluationHarness(EvalOptions options, Embedder embedder, PrintStream out, PrintStream err) {
    this(options, embedder, embedder, out, err);
  }

  /**
   * @param embedder the judge's model and the assistant's scoring model (all-MiniLM-L6-v2)
   * @param retriever the model the knowledge index retrieves with
   */
  public EvaluationHarness(EvalOptions options, Embedder embedder, Embedder retriever, PrintStream out,
      PrintStream err) {
    this.options = options;
    this.embedder = embedder;
    this.retriever = retriever;
    this.out = out;
    this.err = err;
  }

  /** Runs the evaluation and writes its report; returns the overall figures. */
  public Scoreboard.Window run() throws IOException {
    TicketFile.Parsed parsed = TicketFile.read(options.threads(), ThreadReplay.TENANT, null, options.zone());
    List<TicketFile.Item> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    parsed.problems().forEach(p -> skipped.add(p.toString()));
    for (TicketFile.Item item : parsed.items()) {
      if (options.limit() > 0 && items.size() == options.limit()) {
        break;
      }
      if (item.resolvingMessage() < 1) {
        skipped.add("line " + item.line() + ": " + item.ticket().id() + " has no message before its resolution");
      } else {
        items.add(item);
      }
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no thread to evaluate in " + options.threads() + " (" + skipped.size()
          + " skipped)");
    }
    Files.createDirectories(options.out());
    Path work = Files.createTempDirectory("vigil-eval");
    List<ThreadOutcome> outcomes = new ArrayList<>();
    long started = System.nanoTime();
    // a throwaway index: writes are searchable at once and reach the disk at close, without an fsync each
    try (KnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("knowledge"), retriever, "standard",
        Clock.systemUTC(), false)) {
      int seeded = seed(index);
      out.printf("evaluating %d threads from %s (learning %s, window %d, tau %.2f, %d knowledge entries to start)%n",
          items.size(), options.threads(), options.learning() ? "on" : "off", options.window(), options.tau(),
          seeded);
      TestWorkflowEnvironment env = environment(index);
      try {
        ThreadReplay replay = new ThreadReplay(env, assessments);
        ProgressBar progress = new ProgressBar(err, "eval", items.size());
        for (TicketFile.Item item : items) {
          String question = QueryRewriter.rewrite(item.ticket().title(), ThreadReplay.customerTurnsBefore(item));
          outcomes.add(replay.replay(item, question));
          progress.update(outcomes.size());
        }
        progress.finish();
      } finally {
        env.close();
      }
    } finally {
      deleteRecursively(work);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Scoreboard scores = score(outcomes);
    List<List<List<LabelledCandidate>>> candidates = label(outcomes);
    new EvalReport(options, parsed, items, skipped, outcomes, scores, seconds, candidates).write();
    Scoreboard.Window overall = scores.overall();
    out.printf("%d threads in %.0f s (%.2f threads/s); answered %.1f%%, precision %.1f%%, useful %.1f%% "
            + "(memory %.1f%%, oracle %.1f%%); report in %s%n", items.size(), seconds, items.size() / seconds,
        100 * overall.vigil().answeredRate(), 100 * nanToZero(overall.vigil().precision()),
        100 * overall.vigil().usefulRate(), 100 * overall.memory().usefulRate(), 100 * overall.oracleRate(),
        options.out());
    return overall;
  }

  private Scoreboard score(List<ThreadOutcome> outcomes) {
    List<String> questions = outcomes.stream().map(ThreadOutcome::question).toList();
    List<String> resolutions = outcomes.stream().map(ThreadOutcome::resolution).toList();
    List<float[]> q = embedder.embedAll(questions);
    List<float[]> r = embedder.embedAll(resolutions);
    List<Scoreboard.Scored> scored = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      String answer = outcomes.get(i).answer();
      scored.add(new Scoreboard.Scored(q.get(i), r.get(i), answer == null ? null : embedder.embed(answer)));
    }
    return new Scoreboard(scored, options.tau(), options.memoryCosine());
  }

  /**
   * Every candidate the assistant weighed before each thread's resolving message, labelled against the thread's
   * resolution as the scoreboard labels answers: per thread, per assessment, per candidate.
   */
  private List<List<List<LabelledCandidate>>> label(List<ThreadOutcome> outcomes) {
    List<String> passages = new ArrayList<>();
    for (ThreadOutcome o : outcomes) {
      o.assessments().forEach(a -> a.candidates().forEach(c -> passages.add(c.passage())));
    }
    List<String> distinct = passages.stream().distinct().toList();
    Map<String, float[]> vectors = new HashMap<>();
    List<float[]> embedded = distinct.isEmpty() ? List.of() : embedder.embedAll(distinct);
    for (int i = 0; i < distinct.size(); i++) {
      vectors.put(distinct.get(i), embedded.get(i));
    }
    List<float[]> resolutions = embedder.embedAll(outcomes.stream().map(ThreadOutcome::resolution).toList());
    List<List<List<LabelledCandidate>>> threads = new ArrayList<>();
    for (int t = 0; t < outcomes.size(); t++) {
      List<List<LabelledCandidate>> thread = new ArrayList<>();
      for (Assessment a : outcomes.get(t).assessments()) {
        List<LabelledCandidate> labelled = new ArrayList<>();
        for (Candidate c : a.candidates()) {
          labelled.add(new LabelledCandidate(a.query(), c, Scoreboard.cosine(vectors.get(c.passage()),
              resolutions.get(t))));
        }
        thread.add(labelled);
      }
      threads.add(thread);
    }
    return threads;
  }

  private int seed(KnowledgeIndex index) {
    if (options.knowledge() == null) {
      return 0;
    }
    KnowledgeFile.Parsed knowledge = KnowledgeFile.read(options.knowledge());
    if (!knowledge.problems().isEmpty()) {
      err.println("knowledge file: " + knowledge.problems().size() + " invalid entries skipped, first: "
          + knowledge.problems().get(0));
    }
    index.bulkUpsert(knowledge.entries());
    return knowledge.entries().size();
  }

  private TestWorkflowEnvironment environment(KnowledgeIndex index) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    LearningSettings learningSettings = LearningSettings.defaults();
    CasePreparer preparer = new CasePreparer(new Redactor(), learningSettings);
    LearningActivities learning = options.learning()
        ? new LearningActivitiesImpl(preparer, new AnswerReviewer(embedder, learningSettings),
            new OpenAnswerReviewer(embedder, learningSettings),
            new RuleBasedQaExtractor(learningSettings), new KnowledgeWriter(index, embedder, learningSettings), meters)
        : new LearningOffActivities(preparer, "learning is off for this evaluation");
    // encrypted like production, with a key that lives as long as this run
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
            .setDataConverter(EncryptionCodec.dataConverter(PayloadKeys.parse(PayloadKeys.generate("eval"), "eval")))
            .build())
        .build());
    TicketSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // as the production worker: workflows, sends and the in-process assistant turn on the tickets queue, learning on
    // the heavy queue
    AssessActivities turn = new ComposedAssessment(
        new NoLlmAssistantActivities(index, embedder, assistantSettings(), meters, options.answerability() == null
            ? AnswerabilityModel.shipped() : AnswerabilityModel.read(options.answerability()), assessments),
        new RuleBasedRiskActivities(List.of(), embedder));
    Worker worker = env.newWorker(TaskQueues.TICKETS);
    worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class, LearningWorkflowImpl.class);
    worker.registerActivitiesImplementations(turn, new NothingSent());
    env.newWorker(TaskQueues.HEAVY).registerActivitiesImplementations(learning);
    env.start();
    return env;
  }

  private AssistantSettings assistantSettings() {
    AssistantSettings d = AssistantSettings.defaults();
    return new AssistantSettings(options.minConfidence(), d.repeatCosine(), d.maxAnswerChars(), d.defaultDelivery(),
        d.tenantDelivery(), d.autoMinConfidence(), d.autoWait());
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The evaluation sends nothing to anyone: outbound messages are acknowledged and dropped. */
  private static final class NothingSent implements OutboundActivities {
    @Override
    public OutboundResult send(OutboundMessage message) {
      return new OutboundResult(SendStatus.NOT_CONFIGURED, 0, "evaluation: nothing is sent");
    }
  }
}
