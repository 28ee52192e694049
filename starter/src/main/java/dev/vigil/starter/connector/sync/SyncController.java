package dev.vigil.starter.connector.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Resync from a system of record over the API ({@code ./vigil sync} calls it): open tickets and their comments are
 * read through the system's API and delivered as events with their original ids, so a second sync changes nothing.
 * The answer streams one JSON line per ticket as it is delivered, then the summary.
 */
@RestController
@RequestMapping("/api/v1/sync")
@Tag(name = "Resync", description = "Rebuild open tickets from the ticketing system (admin)")
@SecurityRequirement(name = "basic")
public class SyncController {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  private final TicketSync sync;
  private final Clock clock = Clock.systemUTC();

  public SyncController(TicketSync sync) {
    this.sync = sync;
  }

  @PostMapping("/{source}")
  @Operation(summary = "Resync open tickets of one system",
      description = "`since`: a duration back from now (`30d`, `12h`) or a date (`2026-11-01`). Answers "
          + "application/x-ndjson: {\"ticket\",\"tickets\",\"events\"} per ticket, then {\"summary\":…}.")
  public ResponseEntity<StreamingResponseBody> sync(@PathVariable String source,
      @RequestParam(defaultValue = "30d") String since) {
    if (!sync.sources().contains(source)) {
      throw new IllegalArgumentException("cannot sync " + source + ": its API is not configured (configured: "
          + String.join(", ", sync.sources().stream().sorted().toList()) + ")");
    }
    Instant from = since(since, clock.instant());
    StreamingResponseBody body = out -> {
      TicketSync.Summary summary = sync.sync(source, from, (ticketId, tickets, events) ->
          line(out, Map.of("ticket", ticketId, "tickets", tickets, "events", events)));
      line(out, Map.of("summary", summary));
    };
    return ResponseEntity.ok().contentType(NDJSON).body(body);
  }

  /** {@code 30d}, {@code 12h} back from {@code now}, or a date (midnight UTC). */
  static Instant since(String value, Instant now) {
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      try {
        Duration back = DurationStyle.detectAndParse(value);
        if (back.isNegative() || back.isZero()) {
          throw new IllegalArgumentException("since must be a positive duration");
        }
        return now.minus(back);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("since must be a duration such as 30d or 12h, or a date such as "
            + "2026-11-01");
      }
    }
  }

  private static void line(OutputStream out, Object value) {
    try {
      out.write(JSON.writeValueAsBytes(value));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
