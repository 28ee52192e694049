package dev.vigil.starter.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The inbound webhook ({@code vigil.webhook.*}).
 *
 * @param secret HMAC-SHA256 key shared with the ticketing system ({@code VIGIL_WEBHOOK_SECRET})
 * @param tolerance how far a signature's timestamp may be from now
 * @param maxBodyBytes largest body accepted
 * @param token static bearer token accepted instead of the signature ({@code VIGIL_WEBHOOK_TOKEN}), for senders that
 *     can only send fixed headers; weaker than the signature (no body integrity, no replay window); blank disables it
 */
@Validated
@ConfigurationProperties("vigil.webhook")
public record WebhookProperties(
    @NotBlank(message = "set VIGIL_WEBHOOK_SECRET (only the embedded mode generates one)") String secret,
    @NotNull Duration tolerance,
    @Min(1024) @Max(16 * 1024 * 1024) int maxBodyBytes,
    @Pattern(regexp = "|.{16,}", message = "VIGIL_WEBHOOK_TOKEN must be at least 16 characters (or empty)")
    String token) {

  @ConstructorBinding
  public WebhookProperties {}

  /** Without a static token. */
  public WebhookProperties(String secret, Duration tolerance, int maxBodyBytes) {
    this(secret, tolerance, maxBodyBytes, null);
  }
}
