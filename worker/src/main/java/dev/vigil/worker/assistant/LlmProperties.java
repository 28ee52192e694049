package dev.vigil.worker.assistant;

import dev.vigil.activities.assistant.llm.LlmSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The chat model behind the assistant's steps ({@code vigil.llm.*}); {@code none} runs the no-LLM pipeline.
 *
 * @param provider {@code none}, {@code openai} (any OpenAI-compatible server) or {@code ollama}
 */
@Validated
@ConfigurationProperties("vigil.llm")
public record LlmProperties(
    @NotNull @Pattern(regexp = "none|openai|ollama") String provider,
    String baseUrl,
    String model,
    String apiKey,
    @NotNull Duration timeout,
    @Min(0) @Max(5) int maxRetries) {

  public boolean enabled() {
    return !"none".equals(provider);
  }

  public LlmSettings settings() {
    return new LlmSettings(provider, baseUrl, model, apiKey, timeout, maxRetries);
  }
}
