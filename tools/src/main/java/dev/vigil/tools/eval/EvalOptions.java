package dev.vigil.tools.eval;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * One evaluation run's settings ({@code ./vigil eval ...}).
 *
 * @param window threads per window of the learning curve
 * @param learning whether closed threads are learned from (off measures Vigil on the starting knowledge alone)
 * @param tau an answer matches the real resolution at this cosine or above
 * @param memoryCosine the naive nearest-question memory answers when the questions' cosine reaches this
 * @param knowledge a knowledge file to start from (null: empty)
 * @param limit evaluate at most this many threads (0: all)
 * @param minConfidence the assistant's answering threshold (the answerability model's confidence); production's
 *     default unless tuned
 * @param answerability an answerability model file to evaluate instead of the shipped one (null: shipped)
 * @param zone the time zone of timestamps written without an offset
 */
public record EvalOptions(Path threads, Path out, int window, boolean learning, double tau, double memoryCosine,
    Path knowledge, int limit, double minConfidence, Path answerability, ZoneId zone) {

  public EvalOptions(Path threads, Path out, int window, boolean learning, double tau, double memoryCosine,
      Path knowledge, int limit, double minConfidence, ZoneId zone) {
    this(threads, out, window, learning, tau, memoryCosine, knowledge, limit, minConfidence, null, zone);
  }

  public EvalOptions {
    if (window < 1) {
      throw new IllegalArgumentException("--window must be at least 1");
    }
    if (tau <= 0 || tau >= 1) {
      throw new IllegalArgumentException("--tau must be between 0 and 1");
    }
    if (minConfidence <= 0 || minConfidence >= 1) {
      throw new IllegalArgumentException("--min-confidence must be between 0 and 1");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must not be negative");
    }
  }
}
