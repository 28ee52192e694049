package dev.vigil.tools.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.activities.learning.importing.TicketFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an evaluation's {@code metrics.json}, {@code threads.jsonl}, {@code candidates.jsonl} (every candidate the
 * assistant weighed, with its features and label: what {@code ./vigil fit-answerability} fits on), {@code report.md}
 * (per-window figures and the operating curve) and learning-curve PNG.
 */
final class EvalReport {
  static final String CHART = "learning-curve.png";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final EvalOptions options;
  private final TicketFile.Parsed parsed;
  private final List<TicketFile.Item> items;
  private final List<String> skipped;
  private final List<ThreadOutcome> outcomes;
  private final Scoreboard scores;
  private final double seconds;
  private final List<List<List<LabelledCandidate>>> candidates;
  private final List<OperatingCurve.Point> curve;

  EvalReport(EvalOptions options, TicketFile.Parsed parsed, List<TicketFile.Item> items, List<String> skipped,
      List<ThreadOutcome> outcomes, Scoreboard scores, double seconds,
      List<List<List<LabelledCandidate>>> candidates) {
    this.candidates = candidates;
    List<Double> thresholds = new ArrayList<>(OperatingCurve.THRESHOLDS);
    if (!thresholds.contains(options.minConfidence())) {
      thresholds.add(options.minConfidence());
      thresholds.sort(null);
    }
    this.curve = OperatingCurve.of(candidates.stream()
        .map(thread -> thread.stream().map(a -> a.stream().map(LabelledCandidate::scored).toList()).toList())
        .toList(), thresholds, options.tau());
    this.options = options;
    this.parsed = parsed;
    this.items = items;
    this.skipped = skipped;
    this.outcomes = outcomes;
    this.scores = scores;
    this.seconds = seconds;
  }

  void write() throws IOException {
    Path dir = options.out();
    JSON.writeValue(dir.resolve("metrics.json").toFile(), metrics());
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("threads.jsonl"), StandardCharsets.UTF_8)) {
      ObjectMapper compact = new ObjectMapper();
      for (int i = 0; i < outcomes.size(); i++) {
        ThreadOutcome o = outcomes.get(i);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", o.id());
        line.put("answered", o.answered());
        line.put("answer", o.answer());
        line.put("citations", o.citations());
        Double cosine = scores.vigilCosine(i);
        line.put("cosine", cosine == null ? null : Scoreboard.round(cosine));
        line.put("match", cosine != null && cosine >= options.tau());
        line.put("suggestions", o.suggestions());
        line.put("decision_reasons", o.decisions());
        line.put("learning", o.learning());
        w.write(compact.writeValueAsString(line));
        w.newLine();
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("candidates.jsonl"), StandardCharsets.UTF_8)) {
      ObjectMapper compact = new ObjectMapper();
      for (int t = 0; t < candidates.size(); t++) {
        for (int a = 0; a < candidates.get(t).size(); a++) {
          for (LabelledCandidate c : candidates.get(t).get(a)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("thread", outcomes.get(t).id());
            line.put("assessment", a);
            line.put("entry", c.candidate().hit().entry().id());
            line.put("probability", Scoreboard.round(c.candidate().probability()));
            line.put("confidence", Scoreboard.round(c.candidate().confidence()));
            line.put("cosine", Scoreboard.round(c.cosine()));
            line.put("match", c.cosine() >= options.tau());
            line.put("features", c.candidate().features().byName());
            w.write(compact.writeValueAsString(line));
            w.newLine();
          }
        }
      }
    }
    List<Scoreboard.Window> windows = scores.windows(options.window());
    List<String> labels = windows.stream().map(win -> win.from() + "–" + win.to()).toList();
    LearningCurveChart.write(dir.resolve(CHART), "Vigil learning curve (" + (options.learning() ? "learning on"
            : "learning off") + ", τ = " + options.tau() + ")", "threads, in file order", labels, List.of(
        new LearningCurveChart.Series("Vigil useful-answer rate", windows.stream()
            .map(win -> win.vigil().usefulRate()).toList(), false),
        new LearningCurveChart.Series("Vigil precision", windows.stream()
            .map(win -> win.vigil().precision()).toList(), false),
        new LearningCurveChart.Series("Vigil answered rate", windows.stream()
            .map(win -> win.vigil().answeredRate()).toList(), false),
        new LearningCurveChart.Series("memory baseline: useful", windows.stream()
            .map(win -> win.memory().usefulRate()).toList(), true),
        new LearningCurveChart.Series("oracle ceiling", windows.stream().map(Scoreboard.Window::oracleRate)
            .toList(), true)));
    Files.writeString(dir.resolve("report.md"), markdown(windows), StandardCharsets.UTF_8);
  }

  private Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("threads_file", options.threads().toString());
    run.put("threads", items.size());
    run.put("skipped", skipped.size());
    run.put("learning", options.learning());
    run.put("window", options.window());
    run.put("tau", options.tau());
    run.put("memory_cosine", options.memoryCosine());
    run.put("min_confidence", options.minConfidence());
    run.put("knowledge_file", options.knowledge() == null ? null : options.knowledge().toString());
    run.put("seconds", Math.round(seconds * 10) / 10.0);
    run.put("threads_per_second", Scoreboard.round(items.size() / seconds));
    m.put("run", run);
    m.put("overall", figures(scores.overall()));
    m.put("windows", scores.windows(options.window()).stream().map(this::figures).toList());
    m.put("operating_curve", curve.stream().map(p -> {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("min_confidence", p.threshold());
      point.put("answered", p.answered());
      point.put("matching", p.matching());
      point.put("answered_rate", Scoreboard.round(p.answeredRate()));
      point.put("precision", Scoreboard.round(p.precision()));
      point.put("useful_rate", Scoreboard.round(p.usefulRate()));
      return point;
    }).toList());
    return m;
  }

  private Map<String, Object> figures(Scoreboard.Window w) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (w.index() > 0) {
      m.put("window", w.index());
      m.put("from", w.from());
      m.put("to", w.to());
    }
    m.putAll(w.vigil().json());
    Map<String, Object> refs = new LinkedHashMap<>();
    Map<String, Object> chance = new LinkedHashMap<>();
    chance.put("mean_cosine", Scoreboard.round(w.chanceMean()));
    chance.put("match_rate", Scoreboard.round(w.chanceMatchRate()));
    refs.put("chance", chance);
    refs.put("nearest_question_memory", w.memory().json());
    Map<String, Object> oracle = new LinkedHashMap<>();
    oracle.put("useful_rate", Scoreboard.round(w.oracleRate()));
    refs.put("oracle", oracle);
    m.put("references", refs);
    return m;
  }

  private String markdown(List<Scoreboard.Window> windows) {
    StringBuilder md = new StringBuilder();
    Scoreboard.Window all = scores.overall();
    md.append("# Vigil evaluation report\n\n");
    md.append(String.format(Locale.ROOT, "Threads: %d from `%s` (%d skipped), learning **%s**, window %d, τ = %.2f, "
            + "memory answers at question cosine ≥ %.2f, Vigil answers at answerability confidence ≥ %s, "
            + "knowledge at start: %s.%n%n", items.size(), options.threads().getFileName(), skipped.size(),
        options.learning() ? "on" : "off", options.window(), options.tau(), options.memoryCosine(),
        threshold(options.minConfidence()), options.knowledge() == null ? "empty" : options.knowledge()));
    md.append(String.format(Locale.ROOT, "Run time %.0f s, %.2f threads/s (no-LLM, embedded Lucene, time-skipping "
        + "Temporal test server).%n%n", seconds, items.size() / seconds));
    md.append("| window | threads | answered | precision | useful | mean cos | memory useful | memory precision "
        + "| oracle | chance match |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Scoreboard.Window w : windows) {
      md.append(row(w.from() + "–" + w.to(), w));
    }
    md.append(row("**overall**", all));
    md.append(String.format(Locale.ROOT, "%nChance level: random pairs of resolutions have mean cosine %.3f; %.1f%% "
        + "of them reach τ.%n%n", all.chanceMean(), 100 * all.chanceMatchRate()));
    md.append("![learning curve](" + CHART + ")\n\n");
    md.append("## Operating curve\n\nEach thread answered by its first assessment with a candidate whose confidence "
        + "reaches the threshold, with the most probable such candidate (replayed from `candidates.jsonl`; the row of "
        + "this run's threshold is its figures).\n\n"
        + "| min confidence | answered | precision | useful |\n|---|---|---|---|\n");
    for (OperatingCurve.Point p : curve) {
      boolean live = p.threshold() == options.minConfidence();
      md.append(String.format(Locale.ROOT, "| %s%s%s | %s | %s | %s |%n", live ? "**" : "", threshold(p.threshold()),
          live ? "**" : "", pct(p.answeredRate()), pct(p.precision()), pct(p.usefulRate())));
    }
    md.append('\n');
    md.append("Definitions: *answered* = threads where Vigil offered a cited answer before the resolving message; "
        + "*precision* = matching answers / answers; *useful* = matching answers / threads; a match is cosine ≥ τ "
        + "between the answer and the real resolution (all-MiniLM-L6-v2, first 128 tokens of each). *Memory* "
        + "answers with the resolution of the most similar earlier question; *oracle* is the share of threads for "
        + "which some earlier resolution matches.\n\n");
    Map<String, Integer> licenses = new TreeMap<>();
    for (TicketFile.Item item : items) {
      licenses.merge(item.license() == null ? "unspecified" : item.license(), 1, Integer::sum);
    }
    md.append("Source threads and licences: ").append(licenses).append(". Each thread's URL is in the threads "
        + "file; reuse keeps its attribution.\n");
    if (!skipped.isEmpty()) {
      md.append("\nSkipped:\n");
      List<String> shown = new ArrayList<>(skipped.subList(0, Math.min(20, skipped.size())));
      shown.forEach(s -> md.append("- ").append(s).append('\n'));
      if (skipped.size() > shown.size()) {
        md.append("- … and ").append(skipped.size() - shown.size()).append(" more\n");
      }
    }
    return md.toString();
  }

  private static String row(String label, Scoreboard.Window w) {
    return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", label,
        w.vigil().threads(), pct(w.vigil().answeredRate()), pct(w.vigil().precision()), pct(w.vigil().usefulRate()),
        num(w.vigil().meanSimilarity()), pct(w.memory().usefulRate()), pct(w.memory().precision()),
        pct(w.oracleRate()), pct(w.chanceMatchRate()));
  }

  /** A threshold with two decimals, or three when it needs them (0.125). */
  static String threshold(double t) {
    String two = String.format(Locale.ROOT, "%.2f", t);
    return Double.parseDouble(two) == t ? two : String.format(Locale.ROOT, "%.3f", t);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }
}
