package dev.vigil.starter.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The analyst UI and the customer status page ({@code vigil.ui.*}).
 *
 * @param pollInterval how often a watched ticket is queried for changes to push to open pages (one query per
 *     watched ticket, however many pages watch it)
 * @param queuePollInterval how often the ticket list is re-read while a queue page is open
 * @param statusSecret HMAC key of the customer status links ({@code VIGIL_STATUS_SECRET}); blank derives one from
 *     the webhook secret, so rotating either invalidates the links
 * @param publicUrl the address customers reach Vigil at ({@code VIGIL_PUBLIC_URL}), for the status links shown to
 *     analysts; blank uses the address of the analyst's request
 * @param dashboardTickets how many of the newest tickets the dashboard reads (1..1000)
 */
@Validated
@ConfigurationProperties("vigil.ui")
public record UiProperties(
    @NotNull Duration pollInterval,
    @NotNull Duration queuePollInterval,
    String statusSecret,
    String publicUrl,
    int dashboardTickets) {

  public UiProperties {
    if (dashboardTickets < 1 || dashboardTickets > 1_000) {
      throw new IllegalArgumentException("vigil.ui.dashboard-tickets must be 1..1000");
    }
    if (statusSecret != null && !statusSecret.isBlank() && statusSecret.length() < 16) {
      throw new IllegalArgumentException("VIGIL_STATUS_SECRET must be at least 16 characters (or empty)");
    }
  }
}
