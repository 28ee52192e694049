package dev.vigil.tools.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scores a run: each answer against its thread's real resolution by cosine, per window and overall, next to three
 * references computed over the same threads: chance (random pairs of resolutions), a naive nearest-question memory
 * (the resolution of the most similar earlier question, when similar enough), and the oracle ceiling (some earlier
 * resolution matches). Pure: vectors in, figures out.
 */
public final class Scoreboard {

  /** One scored thread: its question and resolution vectors, and Vigil's answer vector (null when silent). */
  public record Scored(float[] question, float[] resolution, float[] answer) {}

  /** Figures over a set of threads. */
  public record Figures(int threads, int answered, int matching, double answeredRate, double precision,
      double usefulRate, double meanSimilarity) {

    static Figures of(int threads, List<Double> answerCosines, double tau) {
      int answered = answerCosines.size();
      int matching = (int) answerCosines.stream().filter(c -> c >= tau).count();
      double mean = answerCosines.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      return new Figures(threads, answered, matching, ratio(answered, threads), ratio(matching, answered),
          ratio(matching, threads), mean);
    }

    public Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("threads", threads);
      m.put("answered", answered);
      m.put("matching", matching);
      m.put("answered_rate", round(answeredRate));
      m.put("precision", round(precision));
      m.put("useful_rate", round(usefulRate));
      m.put("mean_similarity", round(meanSimilarity));
      return m;
    }
  }

  /** Vigil's figures and the references for one window (or overall). */
  public record Window(int index, int from, int to, Figures vigil, Figures memory, double oracleRate,
      double chanceMean, double chanceMatchRate) {}

  private final double tau;
  private final double memoryCosine;
  private final List<Scored> threads;
  private final Double[] vigil;
  private final Double[] memory;
  private final boolean[] oracle;

  public Scoreboard(List<Scored> threads, double tau, double memoryCosine) {
    this.tau = tau;
    this.memoryCosine = memoryCosine;
    this.threads = List.copyOf(threads);
    int n = threads.size();
    vigil = new Double[n];
    memory = new Double[n];
    oracle = new boolean[n];
    for (int i = 0; i < n; i++) {
      Scored t = threads.get(i);
      vigil[i] = t.answer() == null ? null : cosine(t.answer(), t.resolution());
      int nearest = -1;
      double best = -2;
      for (int j = 0; j < i; j++) {
        Scored earlier = threads.get(j);
        double q = cosine(t.question(), earlier.question());
        if (q > best) {
          best = q;
          nearest = j;
        }
        if (!oracle[i] && cosine(earlier.resolution(), t.resolution()) >= tau) {
          oracle[i] = true;
        }
      }
      memory[i] = nearest >= 0 && best >= memoryCosine
          ? cosine(threads.get(nearest).resolution(), t.resolution()) : null;
    }
  }

  /** Vigil's cosine to the resolution for thread i, or null when it stayed silent. */
  public Double vigilCosine(int i) {
    return vigil[i];
  }

  public Window overall() {
    return window(0, 0, threads.size());
  }

  public List<Window> windows(int size) {
    List<Window> windows = new ArrayList<>();
    for (int from = 0, index = 1; from < threads.size(); from += size, index++) {
      windows.add(window(index, from, Math.min(threads.size(), from + size)));
    }
    return windows;
  }

  private Window window(int index, int from, int to) {
    List<Double> v = new ArrayList<>();
    List<Double> m = new ArrayList<>();
    int oracleHits = 0;
    for (int i = from; i < to; i++) {
      if (vigil[i] != null) {
        v.add(vigil[i]);
      }
      if (memory[i] != null) {
        m.add(memory[i]);
      }
      oracleHits += oracle[i] ? 1 : 0;
    }
    double[] chance = chance(from, to);
    return new Window(index, from + 1, to, Figures.of(to - from, v, tau), Figures.of(to - from, m, tau),
        ratio(oracleHits, to - from), chance[0], chance[1]);
  }

  /** Mean cosine and match rate of random pairs of distinct resolutions in [from, to) (seeded: reproducible). */
  private double[] chance(int from, int to) {
    int n = to - from;
    if (n < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom random = new SplittableRandom(42);
    int pairs = Math.min(5_000, n * (n - 1) / 2);
    double sum = 0;
    int matches = 0;
    for (int p = 0; p < pairs; p++) {
      int a = from + random.nextInt(n);
      int b = from + random.nextInt(n - 1);
      if (b >= a) {
        b++;
      }
      double c = cosine(threads.get(a).resolution(), threads.get(b).resolution());
      sum += c;
      matches += c >= tau ? 1 : 0;
    }
    return new double[] {sum / pairs, (double) matches / pairs};
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  static Object round(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 10_000) / 10_000.0;
  }
}
