package dev.vigil.workflows.ticket;

import dev.vigil.workflows.notify.OutboundKind;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * The ticket workflow's metrics. The SDK reports workflow metrics only outside replay, so a replayed history does not
 * count twice.
 */
final class TicketMetrics {

  private TicketMetrics() {}

  /** What happens to suggestions: {@code vigil_suggestions{event=offered|adopted|…}}. */
  static void suggestion(String event) {
    Workflow.getMetricsScope().tagged(Map.of("event", event)).counter("vigil_suggestions").inc(1);
  }

  static void alert(Alert alert) {
    Workflow.getMetricsScope().tagged(Map.of("level", alert.level().name(), "rule", alert.ruleId()))
        .counter("vigil_alerts").inc(1);
  }

  static void outboundFailure(OutboundKind kind) {
    Workflow.getMetricsScope().tagged(Map.of("kind", kind.wireName())).counter("vigil_outbound_failures").inc(1);
  }

  /** The innermost message of a failure: what the decision log shows. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
