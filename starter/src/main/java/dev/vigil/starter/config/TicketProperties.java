package dev.vigil.starter.config;

import dev.vigil.workflows.progress.QuietHours;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How tickets map to workflows ({@code vigil.ticket.*}).
 *
 * @param source name of the ticketing system; part of every ticket's workflow id
 * @param maxRememberedEventIds event ids each ticket remembers for de-duplication
 * @param maxDecisions decision-log entries kept per ticket
 * @param maxMessages dialogue turns kept per ticket
 * @param continueAsNewAfterEvents history length after which a ticket's run continues as new
 * @param closedRetention how long a closed ticket can still be reopened before its run completes
 * @param assistantBatchWindow how long the assistant waits after a customer turn for more turns to batch with it
 * @param progressCadence how often a customer waiting on support gets a progress update, by priority
 * @param quietHours per tenant, hours in which no progress updates are sent
 * @param reminderAfter an unanswered customer turn reminds the analysts after this long
 * @param escalateAfter and escalates to the on-call channel after this long
 * @param assistantInProcess the assistant's turn as a local activity in the workflow's worker ({@code true}) or a
 *     normal activity on the heavy task queue ({@code false}); unset: in process unless an LLM is configured
 * @param llmProvider the workers' LLM provider ({@code VIGIL_LLM_PROVIDER}, shared with them), which decides the above
 *     when it is unset
 * @param answerReviewAfter how long after offering an answer Vigil reviews it while the ticket is open (zero: only at
 *     closure)
 */
@Validated
@ConfigurationProperties("vigil.ticket")
public record TicketProperties(
    @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}") String source,
    @Min(1) int maxRememberedEventIds,
    @Min(1) int maxDecisions,
    @Min(1) int maxMessages,
    @Min(100) int continueAsNewAfterEvents,
    @NotNull Duration closedRetention,
    @NotNull Duration assistantBatchWindow,
    Map<Priority, Duration> progressCadence,
    Map<String, QuietHours> quietHours,
    @NotNull Duration reminderAfter,
    @NotNull Duration escalateAfter,
    Boolean assistantInProcess,
    String llmProvider,
    Duration answerReviewAfter) {

  /** The settings each new ticket's workflow starts with (and carries across continue-as-new). */
  public TicketSettings settings() {
    boolean inProcess = assistantInProcess != null ? assistantInProcess
        : llmProvider == null || llmProvider.isBlank() || "none".equalsIgnoreCase(llmProvider.strip());
    return new TicketSettings(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents,
        closedRetention, assistantBatchWindow, progressCadence, quietHours, reminderAfter, escalateAfter, inProcess,
        null, answerReviewAfter);
  }

  public String workflowId(String ticketId) {
    return TicketIds.workflowId(source, ticketId);
  }
}
