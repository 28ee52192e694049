package dev.vigil.workflows.ticket;

import java.time.Duration;

/**
 * Bounds and timings of a ticket workflow, fixed when it starts and carried across continue-as-new.
 *
 * @param maxRememberedEventIds how many processed event ids are kept for de-duplication (oldest forgotten first)
 * @param maxDecisions how many decision-log entries are kept (oldest dropped first, their count kept)
 * @param maxMessages how many dialogue turns are kept in workflow state
 * @param continueAsNewAfterEvents history length after which the run continues as new
 * @param closedRetention how long a closed ticket's run stays open to accept a reopen before it completes
 * @param assistantBatchWindow how long the assistant waits after a customer turn for more turns to batch with it
 */
public record TicketSettings(
    int maxRememberedEventIds,
    int maxDecisions,
    int maxMessages,
    int continueAsNewAfterEvents,
    Duration closedRetention,
    Duration assistantBatchWindow) {

  public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofSeconds(1);

  public static TicketSettings defaults() {
    return new TicketSettings(2_000, 500, 1_000, 4_000, Duration.ofDays(7), DEFAULT_BATCH_WINDOW);
  }

  public TicketSettings {
    // runs started before the assistant existed carry no window
    assistantBatchWindow = assistantBatchWindow == null ? DEFAULT_BATCH_WINDOW : assistantBatchWindow;
    if (maxRememberedEventIds < 1 || maxDecisions < 1 || maxMessages < 1) {
      throw new IllegalArgumentException("ticket settings bounds must be positive");
    }
    if (continueAsNewAfterEvents < 100) {
      throw new IllegalArgumentException("continueAsNewAfterEvents must be at least 100");
    }
    if (closedRetention == null || closedRetention.isNegative()) {
      throw new IllegalArgumentException("closedRetention must be zero or positive");
    }
  }
}
