package dev.vigil.activities.assistant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Latency and outcome of each pipeline step, as the Micrometer timer {@code vigil.assistant.step} tagged with the
 * step, its outcome and the implementation ({@code none} for the no-LLM rules, or the LLM provider).
 */
public final class StepMetrics {
  private final MeterRegistry meters;
  private final String implementation;

  public StepMetrics(MeterRegistry meters, String implementation) {
    this.meters = meters;
    this.implementation = implementation;
  }

  <T> T time(String step, Supplier<T> work, Function<T, String> outcome) {
    long start = System.nanoTime();
    String result = "error";
    try {
      T value = work.get();
      result = outcome.apply(value);
      return value;
    } finally {
      record(step, result, start);
    }
  }

  /** Records one step that started at {@code startNanos} ({@link System#nanoTime()}) and ended now. */
  public void record(String step, String outcome, long startNanos) {
    Timer.builder("vigil.assistant.step")
        .description("Latency of one proactive-pipeline step")
        .tag("step", step)
        .tag("outcome", outcome)
        .tag("implementation", implementation)
        .publishPercentileHistogram()
        .register(meters)
        .record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
