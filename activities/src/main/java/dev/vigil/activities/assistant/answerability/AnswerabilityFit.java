package dev.vigil.activities.assistant.answerability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Fits an {@link AnswerabilityModel}: L2-regularised logistic regression on standardised features by Newton's
 * method (iteratively reweighted least squares). Deterministic: no random start, no sampling; the same examples give
 * the same coefficients.
 */
public final class AnswerabilityFit {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-9;

  /** One labelled example: a candidate's features and whether its answer matched the human resolution. */
  public record Example(AnswerabilityFeatures features, boolean match) {}

  private AnswerabilityFit() {}

  /** Fits every feature. */
  public static AnswerabilityModel fit(List<Example> examples, double l2, String provenance) {
    return fit(examples, l2, provenance, AnswerabilityFeatures.NAMES);
  }

  /**
   * @param l2 the ridge penalty on the standardised weights (not on the intercept); larger shrinks towards the base
   *     rate
   * @param features the features the model weighs; the others get weight 0 (mean 0, scale 1)
   */
  public static AnswerabilityModel fit(List<Example> examples, double l2, String provenance,
      Collection<String> features) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to fit the answerability model on");
    }
    if (l2 < 0) {
      throw new IllegalArgumentException("l2 must not be negative");
    }
    List<Integer> columns = new ArrayList<>();
    for (String name : features) {
      int column = AnswerabilityFeatures.NAMES.indexOf(name);
      if (column < 0) {
        throw new IllegalArgumentException("unknown feature " + name + "; known: " + AnswerabilityFeatures.NAMES);
      }
      if (!columns.contains(column)) {
        columns.add(column);
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("no feature to fit the answerability model on");
    }
    int n = columns.size();
    int m = examples.size();
    double[] means = new double[n];
    double[] scales = new double[n];
    double[][] x = new double[m][n];
    double[] y = new double[m];
    for (int r = 0; r < m; r++) {
      double[] all = examples.get(r).features().values();
      for (int j = 0; j < n; j++) {
        x[r][j] = all[columns.get(j)];
      }
      y[r] = examples.get(r).match() ? 1 : 0;
      for (int j = 0; j < n; j++) {
        means[j] += x[r][j] / m;
      }
    }
    for (int r = 0; r < m; r++) {
      for (int j = 0; j < n; j++) {
        scales[j] += (x[r][j] - means[j]) * (x[r][j] - means[j]) / m;
      }
    }
    for (int j = 0; j < n; j++) {
      // a constant feature carries nothing: scale 1 keeps it at 0 after centring
      scales[j] = scales[j] > 1e-12 ? Math.sqrt(scales[j]) : 1;
    }
    // design matrix with the intercept in column 0
    double[][] z = new double[m][n + 1];
    for (int r = 0; r < m; r++) {
      z[r][0] = 1;
      for (int j = 0; j < n; j++) {
        z[r][j + 1] = (x[r][j] - means[j]) / scales[j];
      }
    }
    double[] beta = new double[n + 1];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[n + 1];
      double[][] hessian = new double[n + 1][n + 1];
      for (int r = 0; r < m; r++) {
        double p = sigmoid(dot(beta, z[r]));
        double w = Math.max(p * (1 - p), 1e-10);
        for (int a = 0; a <= n; a++) {
          gradient[a] += (y[r] - p) * z[r][a];
          for (int b = a; b <= n; b++) {
            hessian[a][b] += w * z[r][a] * z[r][b];
          }
        }
      }
      for (int a = 0; a <= n; a++) {
        for (int b = 0; b < a; b++) {
          hessian[a][b] = hessian[b][a];
        }
        if (a > 0) {
          gradient[a] -= l2 * beta[a];
          hessian[a][a] += l2;
        }
      }
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a <= n; a++) {
        beta[a] += step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    int all = AnswerabilityFeatures.NAMES.size();
    double[] allMeans = new double[all];
    double[] allScales = new double[all];
    double[] allWeights = new double[all];
    Arrays.fill(allScales, 1);
    for (int j = 0; j < n; j++) {
      allMeans[columns.get(j)] = means[j];
      allScales[columns.get(j)] = scales[j];
      allWeights[columns.get(j)] = beta[j + 1];
    }
    return new AnswerabilityModel(allMeans, allScales, allWeights, beta[0], provenance);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[col][col]) < 1e-12) {
        m[col][col] = 1e-12; // a feature that never varies: leave its weight where it is
      }
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
