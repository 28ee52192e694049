package dev.vigil.starter.connector;

import dev.vigil.starter.webhook.InvalidEventException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A native webhook request as a connector sees it.
 *
 * @param headers header values by lower-case name (the first value of each)
 * @param body the raw body, exactly as signed
 * @param receivedAt when it arrived, for replay windows
 */
public record InboundRequest(Map<String, String> headers, byte[] body, Instant receivedAt) {

  public InboundRequest {
    headers = Map.copyOf(headers);
  }

  /** The header's value, or null; {@code name} in any case. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The header's value; a delivery without it (or with it blank) is refused as invalid, the message saying which
   * header and, when given, {@code why} the sender has it.
   */
  public String requiredHeader(String name, String why) {
    String value = header(name);
    if (value == null || value.isBlank()) {
      throw new InvalidEventException("$", "missing " + name + " header" + (why == null ? "" : ": " + why));
    }
    return value;
  }
}
