package dev.vigil.starter.config;

import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
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
    @NotNull Duration assistantBatchWindow) {

  public TicketSettings settings() {
    return new TicketSettings(maxRememberedEventIds, maxDecisions, maxMessages, continueAsNewAfterEvents,
        closedRetention, assistantBatchWindow);
  }

  public String workflowId(String ticketId) {
    return TicketIds.workflowId(source, ticketId);
  }
}
