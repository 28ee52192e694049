package dev.vigil.starter.connector;

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
}
