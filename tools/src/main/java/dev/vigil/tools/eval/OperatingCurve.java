package dev.vigil.tools.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision and useful rate at several confidence thresholds, from what the assistant weighed on each thread: at
 * threshold t a thread is answered by its first assessment with a candidate whose confidence reaches t, with the
 * first such candidate in the model's order (as {@code Assessment#answer} chooses), and the answer matches when that
 * candidate's passage reaches τ against the thread's resolution. At the run's own threshold this
 * reproduces the run's figures (the first offer of a thread is never a suppressed repeat). Pure: scores in, figures
 * out.
 */
public final class OperatingCurve {
  /** The thresholds the report and the fit show: finer where the shipped threshold is chosen. */
  public static final List<Double> THRESHOLDS = List.of(0.05, 0.075, 0.1, 0.11, 0.125, 0.15, 0.175,
      0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9);

  /**
   * One candidate as scored: the model's probability (its order), the confidence it is answered with and its
   * passage's cosine to the thread's resolution.
   */
  public record Scored(double probability, double confidence, double cosine) {}

  /** One row of the curve. */
  public record Point(double threshold, int threads, int answered, int matching) {
    public double answeredRate() {
      return Scoreboard.ratio(answered, threads);
    }

    public double precision() {
      return Scoreboard.ratio(matching, answered);
    }

    public double usefulRate() {
      return Scoreboard.ratio(matching, threads);
    }
  }

  private OperatingCurve() {}

  /**
   * @param threads per thread, its assessments in order, each a list of candidates (any order)
   */
  public static List<Point> of(List<List<List<Scored>>> threads, List<Double> thresholds, double tau) {
    List<Point> points = new ArrayList<>();
    for (double t : thresholds) {
      int answered = 0;
      int matching = 0;
      for (List<List<Scored>> assessments : threads) {
        Scored first = firstAnswer(assessments, t);
        if (first != null) {
          answered++;
          matching += first.cosine() >= tau ? 1 : 0;
        }
      }
      points.add(new Point(t, threads.size(), answered, matching));
    }
    return points;
  }

  /**
   * The answer at {@code threshold}: in the first assessment that has a candidate reaching it, the most probable
   * such candidate; or null.
   */
  static Scored firstAnswer(List<List<Scored>> assessments, double threshold) {
    for (List<Scored> candidates : assessments) {
      Scored answer = null;
      for (Scored c : candidates) {
        if (c.confidence() >= threshold && (answer == null || c.probability() > answer.probability())) {
          answer = c;
        }
      }
      if (answer != null) {
        return answer;
      }
    }
    return null;
  }
}
