package dev.vigil.activities.assistant.llm;

import java.time.Duration;

/**
 * A chat model to run the pipeline's steps with.
 *
 * @param provider {@code openai} (any OpenAI-compatible server: OpenAI, vLLM, llama.cpp server, LM Studio) or
 *     {@code ollama}
 * @param baseUrl e.g. {@code http://localhost:8000/v1} or {@code http://localhost:11434}
 * @param timeout per call; a slower answer counts as a failure and the no-LLM step answers instead
 * @param maxRetries retries of a failed call before falling back
 */
public record LlmSettings(String provider, String baseUrl, String model, String apiKey, Duration timeout,
    int maxRetries) {

  public LlmSettings {
    if (!"openai".equals(provider) && !"ollama".equals(provider)) {
      throw new IllegalArgumentException("LLM provider must be openai or ollama, not " + provider);
    }
    if (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank()) {
      throw new IllegalArgumentException("an LLM provider needs VIGIL_LLM_BASE_URL and VIGIL_LLM_MODEL");
    }
  }
}
