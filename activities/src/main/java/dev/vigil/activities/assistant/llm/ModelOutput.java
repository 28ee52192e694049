package dev.vigil.activities.assistant.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.regex.Pattern;

/** How Vigil passes untrusted text to a chat model and reads its JSON answers back, for every LLM task. */
public final class ModelOutput {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final Pattern FENCE = Pattern.compile("(?s)^\\s*```(?:json)?\\s*(.*?)\\s*```\\s*$");

  private ModelOutput() {}

  /** Customer text inside the prompt's delimiters: it must not be able to close them. */
  public static String asData(String text) {
    return text == null ? "" : text.replace("<", "‹").replace(">", "›").replace("{{", "{ {");
  }

  public static <T> T parse(String raw, Class<T> type) {
    if (raw == null || raw.isBlank()) {
      throw new IllegalArgumentException("empty model output");
    }
    var fenced = FENCE.matcher(raw);
    String json = fenced.matches() ? fenced.group(1) : raw.strip();
    try {
      return JSON.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("model output is not the expected JSON: " + shortText(raw), e);
    }
  }

  public static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root instanceof java.net.http.HttpTimeoutException || root instanceof java.net.SocketTimeoutException
        || String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("timed out") ? "timeout"
        : root.getClass().getSimpleName();
    return what + (e.getMessage() == null ? "" : ": " + shortText(e.getMessage()));
  }

  public static String shortText(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
  }
}
