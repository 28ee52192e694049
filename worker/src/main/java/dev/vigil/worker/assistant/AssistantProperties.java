package dev.vigil.worker.assistant;

import dev.vigil.activities.assistant.AssistantSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The proactive assistant ({@code vigil.assistant.*}).
 *
 * @param minConfidence lowest answerability confidence at which Vigil suggests an answer
 * @param repeatCosine an answer at least this similar to one already offered on the ticket is suppressed
 * @param maxAnswerChars longest extractive answer
 * @param delivery {@code suggest} (private suggestions to the analyst), {@code auto} (answer the customer directly
 *     when confident and no analyst replies in time) or {@code off}, for tenants without their own setting
 * @param tenantDelivery per-tenant delivery policy, e.g. {@code vigil.assistant.tenant-delivery.acme=auto}
 * @param autoMinConfidence lowest confidence for a direct answer
 * @param autoWait how long an analyst has to reply before a direct answer goes out
 */
@Validated
@ConfigurationProperties("vigil.assistant")
public record AssistantProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
    @DecimalMin("0.0") @DecimalMax("1.0") double repeatCosine,
    @Min(50) int maxAnswerChars,
    @NotNull @Pattern(regexp = "suggest|auto|off") String delivery,
    Map<String, @Pattern(regexp = "suggest|auto|off") String> tenantDelivery,
    @DecimalMin("0.0") @DecimalMax("1.0") double autoMinConfidence,
    @NotNull Duration autoWait) {

  public AssistantSettings settings() {
    return new AssistantSettings(minConfidence, repeatCosine, maxAnswerChars, delivery, tenantDelivery,
        autoMinConfidence, autoWait);
  }
}
