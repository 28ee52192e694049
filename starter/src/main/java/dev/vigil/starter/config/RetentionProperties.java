package dev.vigil.starter.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long Vigil keeps closed tickets' data ({@code vigil.retention.*}).
 *
 * @param closedTickets how long a ticket's workflow runs (its dialogue, decisions, timeline) and its learning runs
 *     are kept after the ticket's run has ended (a closed ticket's run ends {@code vigil.ticket.closed-retention}
 *     after closing); null keeps them until the Temporal namespace's own retention removes them
 * @param sweepInterval how often the web application looks for runs past {@code closedTickets}
 */
@Validated
@ConfigurationProperties("vigil.retention")
public record RetentionProperties(Duration closedTickets, @NotNull Duration sweepInterval) {

  public RetentionProperties {
    if (closedTickets != null && (closedTickets.isNegative() || closedTickets.isZero())) {
      throw new IllegalArgumentException("vigil.retention.closed-tickets must be positive (or unset)");
    }
    if (sweepInterval != null && (sweepInterval.isNegative() || sweepInterval.isZero())) {
      throw new IllegalArgumentException("vigil.retention.sweep-interval must be positive");
    }
  }
}
