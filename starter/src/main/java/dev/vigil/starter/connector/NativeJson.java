package dev.vigil.starter.connector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.starter.webhook.InvalidEventException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reading vendors' payloads: bounded parsing, and lenient field access (absent, null and blank are all "no value";
 * numbers are ids). Vendors add fields freely, so nothing unknown is an error.
 */
public final class NativeJson {
  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(64)
              .maxStringLength(1_000_000)
              .maxNumberLength(100)
              .build())
          .build())
      .build();

  private NativeJson() {}

  public static JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("$", "body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException("$", "body cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEventException("$", "body must be a JSON object");
    }
    return root;
  }

  /** The node at a dotted path ({@code detail.id}); a missing node when any step is absent. */
  public static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String step : path.split("\\.")) {
      node = node.path(step);
    }
    return node;
  }

  /** Text or number at {@code path} as a string; null when absent, null or blank. */
  public static String text(JsonNode root, String path) {
    JsonNode node = at(root, path);
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isValueNode() && !node.isNull()) {
      String value = node.asText();
      return value.isBlank() ? null : value;
    }
    return null;
  }

  public static String requiredText(JsonNode root, String path) {
    String value = text(root, path);
    if (value == null) {
      throw new InvalidEventException(path, path + " is required");
    }
    return value;
  }

  public static boolean bool(JsonNode root, String path, boolean otherwise) {
    JsonNode node = at(root, path);
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return Boolean.parseBoolean(node.textValue().trim());
    }
    return otherwise;
  }

  /**
   * An ISO-8601 time at {@code path} ({@code Z}, {@code +01:00} or {@code +0100}), or epoch milliseconds (Jira's
   * {@code timestamp}); {@code otherwise} when absent or unreadable: a vendor's odd clock must not lose the event.
   */
  public static Instant instant(JsonNode root, String path, Instant otherwise) {
    JsonNode node = at(root, path);
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    String value = text(root, path);
    if (value == null) {
      return otherwise;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        // Jira writes offsets without a colon: 2026-11-27T10:15:30.000+0100
        return OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss[.SSS]XX")).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return otherwise;
        }
      }
    }
  }
}
