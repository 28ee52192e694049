package dev.vigil.workflows.ticket;

import dev.vigil.workflows.progress.ProgressPolicy;
import dev.vigil.workflows.progress.QuietHours;
import java.time.Duration;
import java.util.Map;

/**
 * Bounds and timings of a ticket workflow, fixed when it starts and carried across continue-as-new.
 *
 * @param maxRememberedEventIds how many processed event ids are kept for de-duplication (oldest forgotten first)
 * @param maxDecisions how many decision-log entries are kept (oldest dropped first, their count kept)
 * @param maxMessages how many dialogue turns are kept in workflow state
 * @param continueAsNewAfterEvents history length after which the run continues as new
 * @param closedRetention how long a closed ticket's run stays open to accept a reopen before it completes
 * @param assistantBatchWindow how long the assistant waits after a customer turn for more turns to batch with it
 * @param progressCadence how often a customer waiting on support gets a progress update, by priority
 * @param quietHours per tenant, hours without progress updates
 * @param reminderAfter an unanswered customer turn reminds the analysts after this long
 * @param escalateAfter and escalates to the on-call channel after this long
 * @param assistantInProcess the assistant's turn as a local activity in the workflow's worker (no LLM: milliseconds),
 *     or, false, as a normal activity on the heavy task queue (an LLM takes seconds); null: true
 * @param customerKeySalt the deployment's secret under which customers become opaque keys in search attributes
 *     ({@link CustomerKey}); null: a fixed salt (tests)
 * @param answerReviewAfter how long after offering an answer Vigil reviews it against the conversation, while the
 *     ticket is still open ({@link AnswerReviews}); null: 20 minutes; zero: no review before closure
 */
public record TicketSettings(
    int maxRememberedEventIds,
    int maxDecisions,
    int maxMessages,
    int continueAsNewAfterEvents,
    Duration closedRetention,
    Duration assistantBatchWindow,
    Map<Priority, Duration> progressCadence,
    Map<String, QuietHours> quietHours,
    Duration reminderAfter,
    Duration escalateAfter,
    Boolean assistantInProcess,
    String customerKeySalt,
    Duration answerReviewAfter) {

  public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofSeconds(1);
  public static final Duration DEFAULT_ANSWER_REVIEW_AFTER = Duration.ofMinutes(20);

  public static TicketSettings defaults() {
    return new TicketSettings(2_000, 500, 1_000, 4_000, Duration.ofDays(7), DEFAULT_BATCH_WINDOW);
  }

  /** Settings with the default cadence, no quiet hours, reminders after 30 min and escalation after 2 h. */
  public TicketSettings(int maxRememberedEventIds, int maxDecisions, int maxMessages, int continueAsNewAfterEvents,
      Duration closedRetention, Duration assistantBatchWindow) {
    this(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents, closedRetention,
        assistantBatchWindow, null, null, null, null, null, null, null);
  }

  /** Settings with the assistant's turn in process (no LLM). */
  public TicketSettings(int maxRememberedEventIds, int maxDecisions, int maxMessages, int continueAsNewAfterEvents,
      Duration closedRetention, Duration assistantBatchWindow, Map<Priority, Duration> progressCadence,
      Map<String, QuietHours> quietHours, Duration reminderAfter, Duration escalateAfter) {
    this(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents, closedRetention,
        assistantBatchWindow, progressCadence, quietHours, reminderAfter, escalateAfter, null, null, null);
  }

  /** These settings with the deployment's customer-key salt. */
  public TicketSettings withCustomerKeySalt(String salt) {
    return new TicketSettings(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents,
        closedRetention, assistantBatchWindow, progressCadence, quietHours, reminderAfter, escalateAfter,
        assistantInProcess, salt, answerReviewAfter);
  }

  /** These settings with the assistant's turn in process or on the heavy queue. */
  public TicketSettings withAssistantInProcess(boolean inProcess) {
    return new TicketSettings(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents,
        closedRetention, assistantBatchWindow, progressCadence, quietHours, reminderAfter, escalateAfter, inProcess,
        customerKeySalt, answerReviewAfter);
  }

  /** These settings with answers reviewed {@code after} they were offered (zero: only at closure). */
  public TicketSettings withAnswerReviewAfter(Duration after) {
    return new TicketSettings(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents,
        closedRetention, assistantBatchWindow, progressCadence, quietHours, reminderAfter, escalateAfter,
        assistantInProcess, customerKeySalt, after);
  }

  public TicketSettings {
    // runs started before these settings existed carry none: they get the defaults
    assistantBatchWindow = assistantBatchWindow == null ? DEFAULT_BATCH_WINDOW : assistantBatchWindow;
    progressCadence = progressCadence == null || progressCadence.isEmpty() ? ProgressPolicy.DEFAULT_CADENCE
        : Map.copyOf(progressCadence);
    quietHours = quietHours == null ? Map.of() : Map.copyOf(quietHours);
    reminderAfter = reminderAfter == null ? Duration.ofMinutes(30) : reminderAfter;
    escalateAfter = escalateAfter == null ? Duration.ofHours(2) : escalateAfter;
    assistantInProcess = assistantInProcess == null ? Boolean.TRUE : assistantInProcess;
    answerReviewAfter = answerReviewAfter == null ? DEFAULT_ANSWER_REVIEW_AFTER : answerReviewAfter;
    if (answerReviewAfter.isNegative()) {
      throw new IllegalArgumentException("answerReviewAfter must be zero or positive");
    }
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
