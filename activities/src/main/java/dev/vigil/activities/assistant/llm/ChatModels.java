package dev.vigil.activities.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the configured provider's chat model, asking for JSON output and deterministic sampling. */
public final class ChatModels {
  private ChatModels() {}

  public static ChatModel create(LlmSettings settings) {
    return switch (settings.provider()) {
      case "openai" -> OpenAiChatModel.builder()
          .baseUrl(settings.baseUrl())
          .apiKey(settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey())
          .modelName(settings.model())
          .temperature(0.0)
          .responseFormat("json_object")
          .timeout(settings.timeout())
          .maxRetries(settings.maxRetries())
          .build();
      case "ollama" -> OllamaChatModel.builder()
          .baseUrl(settings.baseUrl())
          .modelName(settings.model())
          .temperature(0.0)
          .responseFormat(ResponseFormat.JSON)
          .timeout(settings.timeout())
          .maxRetries(settings.maxRetries())
          .build();
      default -> throw new IllegalArgumentException("unknown LLM provider " + settings.provider());
    };
  }
}
