package dev.vigil.worker.assistant;

import dev.vigil.activities.assistant.AssistantSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The proactive assistant ({@code vigil.assistant.*}).
 *
 * @param minConfidence lowest query–entry cosine at which Vigil suggests an answer
 * @param repeatCosine an answer at least this similar to one already offered on the ticket is suppressed
 * @param maxAnswerChars longest extractive answer
 */
@Validated
@ConfigurationProperties("vigil.assistant")
public record AssistantProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") double minConfidence,
    @DecimalMin("0.0") @DecimalMax("1.0") double repeatCosine,
    @Min(50) int maxAnswerChars) {

  public AssistantSettings settings() {
    return new AssistantSettings(minConfidence, repeatCosine, maxAnswerChars);
  }
}
