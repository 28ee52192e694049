package dev.vigil.starter.connector.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Hmac;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub deliveries built on the published examples of {@code @octokit/webhooks-examples} (MIT; see
 * {@code connector/github/NOTICE.md}); each call returns a fresh copy to adapt.
 */
public final class GitHubPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode EXAMPLES = load();

  private GitHubPayloads() {}

  private static JsonNode load() {
    try (InputStream in = GitHubPayloads.class.getResourceAsStream(
        "/connector/github/octokit-webhooks-examples.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example of {@code event.action}, e.g. {@code issues.opened}. */
  public static ObjectNode example(String eventAndAction) {
    JsonNode node = EXAMPLES.get(eventAndAction);
    if (node == null) {
      throw new IllegalArgumentException("no example " + eventAndAction);
    }
    return node.deepCopy();
  }

  /** The issues.closed delivery (not published): the opened example, closed with {@code stateReason}. */
  public static ObjectNode closed(String stateReason) {
    ObjectNode payload = example("issues.opened").put("action", "closed");
    ((ObjectNode) payload.get("issue")).put("state", "closed").put("state_reason", stateReason)
        .put("closed_at", "2019-05-15T16:00:00Z");
    return payload;
  }

  public static Map<String, String> headers(String event) {
    return Map.of(GitHubConnector.EVENT, event, GitHubConnector.DELIVERY, UUID.randomUUID().toString(),
        "Content-Type", "application/json");
  }

  public static Map<String, String> sign(byte[] body, String secret) {
    return Map.of(GitHubConnector.SIGNATURE, "sha256=" + HexFormat.of().formatHex(Hmac.sha256(secret, body)));
  }
}
