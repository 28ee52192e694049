package dev.vigil.activities.learning.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.activities.knowledge.importing.ImportProblem;
import dev.vigil.workflows.learning.HistoricalTicket;
import dev.vigil.workflows.ticket.TicketIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads resolved tickets in the interchange format (JSONL, one ticket per line: {@code id, title, messages[role,
 * author, text, ts], resolution, tags}; other fields ignored except attribution). Every line is validated; a bad
 * line is reported with its number and reason and the rest is read.
 *
 * <p>Forgiving where the meaning is clear, like the generic webhook: a blank or null optional field reads as absent,
 * a numeric {@code id} reads as its decimal string, and a {@code ts} without an offset ({@code 2024-01-01T10:00:00})
 * is read in the zone the caller chooses (UTC unless told otherwise) instead of being refused.
 */
public final class TicketFile {
  public static final int MAX_TEXT = 100_000;
  public static final int MAX_MESSAGES = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One valid ticket of the file.
   *
   * @param resolvingMessage index of the message that resolved it: the first marked {@code is_resolution}, else
   *     the last analyst message; -1 when there is none
   * @param attribution where the thread comes from and under which licence ({@code url}, {@code license}), when given
   */
  public record Item(int line, HistoricalTicket ticket, int resolvingMessage, String url, String license) {}

  /** Valid tickets and the problems found, in file order. */
  public record Parsed(List<Item> items, List<ImportProblem> problems) {}

  private TicketFile() {}

  /** Reads {@code file}; timestamps without an offset are UTC. */
  public static Parsed read(Path file, String tenant, String product) {
    return read(file, tenant, product, ZoneOffset.UTC);
  }

  /** Reads {@code file}; timestamps without an offset are read in {@code zone}. */
  public static Parsed read(Path file, String tenant, String product, ZoneId zone) {
    List<Item> items = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          Item item = parse(number, JSON.readTree(line), tenant, product, zone);
          if (!seen.add(item.ticket().id())) {
            problems.add(new ImportProblem(number, "duplicate ticket id " + item.ticket().id()));
          } else {
            items.add(item);
          }
        } catch (JsonProcessingException e) {
          problems.add(new ImportProblem(number, "invalid JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
          problems.add(new ImportProblem(number, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new Parsed(items, problems);
  }

  static Item parse(int line, JsonNode node, String tenant, String product, ZoneId zone) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode idNode = node.get("id");
    String id = idNode != null && idNode.isIntegralNumber() ? idNode.bigIntegerValue().toString()
        : requiredText(node, "id");
    if (!TicketIds.isValidTicketId(id)) {
      throw new IllegalArgumentException("id '" + id + "' is not a valid ticket id (letters, digits, . _ : # -; "
          + "at most 128)");
    }
    String title = optionalText(node, "title");
    JsonNode messages = node.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw new IllegalArgumentException("messages must be a non-empty array");
    }
    if (messages.size() > MAX_MESSAGES) {
      throw new IllegalArgumentException("more than " + MAX_MESSAGES + " messages");
    }
    List<HistoricalTicket.Turn> turns = new ArrayList<>();
    int resolving = -1;
    int lastAnalyst = -1;
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String where = "messages[" + i + "]";
      if (!m.isObject()) {
        throw new IllegalArgumentException(where + " is not an object");
      }
      String role = requiredText(m, "role", where);
      if (!role.equals("customer") && !role.equals("analyst")) {
        throw new IllegalArgumentException(where + ".role must be customer or analyst, not '" + role + "'");
      }
      String text = requiredText(m, "text", where);
      String rawTs = optionalText(m, "ts");
      Instant ts = rawTs == null ? null : instant(rawTs, zone, where);
      turns.add(new HistoricalTicket.Turn(role, optionalText(m, "author"), text, ts));
      if (role.equals("analyst")) {
        lastAnalyst = i;
      }
      if (resolving < 0 && m.path("is_resolution").asBoolean(false)) {
        resolving = i;
      }
    }
    if (resolving < 0) {
      resolving = lastAnalyst;
    }
    String resolution = optionalText(node, "resolution");
    List<String> tags = new ArrayList<>();
    JsonNode tagNode = node.get("tags");
    if (tagNode != null && !tagNode.isNull()) {
      if (!tagNode.isArray()) {
        throw new IllegalArgumentException("tags must be an array of strings");
      }
      tagNode.forEach(t -> {
        if (!t.isTextual()) {
          throw new IllegalArgumentException("tags must be an array of strings");
        }
        tags.add(t.asText());
      });
    }
    return new Item(line, new HistoricalTicket(id, title, turns, resolution, tags, tenant, product), resolving,
        optionalText(node, "url"), optionalText(node, "license"));
  }

  /** An ISO-8601 date-time; one without an offset is a wall-clock time in {@code zone}. */
  static Instant instant(String value, ZoneId zone, String where) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withOffset) {
      try {
        return LocalDateTime.parse(value).atZone(zone).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        throw new IllegalArgumentException(where + ".ts is not an ISO-8601 date-time (e.g. 2024-01-01T10:00:00Z, "
            + "or without offset in " + zone + "): " + value);
      }
    }
  }

  private static String requiredText(JsonNode node, String field) {
    return requiredText(node, field, null);
  }

  private static String requiredText(JsonNode node, String field, String where) {
    String value = optionalText(node, field, where);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException((where == null ? "" : where + ".") + field + " is required");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field) {
    return optionalText(node, field, null);
  }

  private static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    String name = (where == null ? "" : where + ".") + field;
    if (!value.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    if (value.asText().isBlank()) {
      return null;
    }
    if (value.asText().length() > MAX_TEXT) {
      throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT + " characters");
    }
    return value.asText();
  }
}
