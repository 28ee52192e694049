package dev.vigil.starter.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The inbound webhook ({@code vigil.webhook.*}).
 *
 * @param secret HMAC-SHA256 key shared with the ticketing system ({@code VIGIL_WEBHOOK_SECRET})
 * @param tolerance how far a signature's timestamp may be from now
 * @param maxBodyBytes largest body accepted
 */
@Validated
@ConfigurationProperties("vigil.webhook")
public record WebhookProperties(
    @NotBlank(message = "set VIGIL_WEBHOOK_SECRET (only the embedded mode generates one)") String secret,
    @NotNull Duration tolerance,
    @Min(1024) @Max(16 * 1024 * 1024) int maxBodyBytes) {}
