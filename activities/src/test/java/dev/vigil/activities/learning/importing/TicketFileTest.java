package dev.vigil.activities.learning.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.importing.ImportProblem;
import dev.vigil.workflows.learning.HistoricalTicket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketFileTest {
  @TempDir
  Path dir;

  private TicketFile.Parsed read(String... lines) throws IOException {
    Path file = dir.resolve("tickets.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return TicketFile.read(file, "acme", "network");
  }

  private static String ticket(String id, String messages) {
    return "{\"id\":\"" + id + "\",\"title\":\"VPN drops\",\"messages\":" + messages + "}";
  }

  private static final String TWO_MESSAGES = "[{\"role\":\"customer\",\"author\":\"Ann\",\"text\":\"It drops\","
      + "\"ts\":\"2024-01-01T10:00:00Z\"},{\"role\":\"analyst\",\"author\":\"Bo\",\"text\":\"Raise the lifetime\"}]";

  @Test
  void aValidLineBecomesAHistoricalTicketOfTheGivenTenantAndProduct() throws IOException {
    TicketFile.Parsed parsed = read("{\"id\":\"T-1\",\"title\":\"VPN drops\",\"messages\":" + TWO_MESSAGES
        + ",\"resolution\":\"IKE lifetime raised\",\"tags\":[\"vpn\",\"ike\"],\"url\":\"https://forum.example/t/1\","
        + "\"license\":\"CC-BY-4.0\",\"extra\":42}");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.items()).singleElement().satisfies(item -> {
      assertThat(item.line()).isEqualTo(1);
      assertThat(item.url()).isEqualTo("https://forum.example/t/1");
      assertThat(item.license()).isEqualTo("CC-BY-4.0");
      HistoricalTicket t = item.ticket();
      assertThat(t.id()).isEqualTo("T-1");
      assertThat(t.title()).isEqualTo("VPN drops");
      assertThat(t.resolution()).isEqualTo("IKE lifetime raised");
      assertThat(t.tags()).containsExactly("vpn", "ike");
      assertThat(t.tenant()).isEqualTo("acme");
      assertThat(t.product()).isEqualTo("network");
      assertThat(t.messages()).containsExactly(
          new HistoricalTicket.Turn("customer", "Ann", "It drops", Instant.parse("2024-01-01T10:00:00Z")),
          new HistoricalTicket.Turn("analyst", "Bo", "Raise the lifetime", null));
    });
  }

  @Test
  void theResolvingMessageIsTheFirstMarkedOneElseTheLastAnalystMessage() throws IOException {
    TicketFile.Parsed parsed = read(
        ticket("marked", "[{\"role\":\"customer\",\"text\":\"q\"},"
            + "{\"role\":\"analyst\",\"text\":\"a1\",\"is_resolution\":true},"
            + "{\"role\":\"customer\",\"text\":\"q2\",\"is_resolution\":true},"
            + "{\"role\":\"analyst\",\"text\":\"a2\"}]"),
        ticket("unmarked", "[{\"role\":\"customer\",\"text\":\"q\"},{\"role\":\"analyst\",\"text\":\"a1\"},"
            + "{\"role\":\"analyst\",\"text\":\"a2\"},{\"role\":\"customer\",\"text\":\"thanks\"}]"),
        ticket("no-analyst", "[{\"role\":\"customer\",\"text\":\"q\"}]"));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.items()).extracting(TicketFile.Item::resolvingMessage).containsExactly(1, 2, -1);
  }

  @Test
  void badLinesAreReportedWithTheirNumberAndReason_andGoodLinesAfterThemAreRead() throws IOException {
    TicketFile.Parsed parsed = read(
        ticket("T-1", TWO_MESSAGES),
        "{not json",
        "",
        "{\"title\":\"no id\",\"messages\":" + TWO_MESSAGES + "}",
        ticket("T-4", "[{\"role\":\"bot\",\"text\":\"beep\"}]"),
        ticket("T-5", "[{\"role\":\"customer\",\"text\":\"q\",\"ts\":\"yesterday\"}]"),
        ticket("T-6", "\"hello\""),
        ticket("T-7", "[]"),
        ticket("T-1", TWO_MESSAGES),
        "[1,2,3]",
        ticket("T-8", "[{\"role\":\"customer\"}]"),
        ticket("T-9", TWO_MESSAGES));

    assertThat(parsed.items()).extracting(item -> item.ticket().id()).containsExactly("T-1", "T-9");
    assertThat(parsed.items()).extracting(TicketFile.Item::line).containsExactly(1, 12);
    assertThat(parsed.problems()).extracting(ImportProblem::line).containsExactly(2, 4, 5, 6, 7, 8, 9, 10, 11);
    List<String> reasons = parsed.problems().stream().map(ImportProblem::reason).toList();
    assertThat(reasons.get(0)).startsWith("invalid JSON");
    assertThat(reasons.get(1)).isEqualTo("id is required");
    assertThat(reasons.get(2)).isEqualTo("messages[0].role must be customer or analyst, not 'bot'");
    assertThat(reasons.get(3)).startsWith("messages[0].ts is not an ISO-8601 date-time").endsWith(": yesterday");
    assertThat(reasons.get(4)).isEqualTo("messages must be a non-empty array");
    assertThat(reasons.get(5)).isEqualTo("messages must be a non-empty array");
    assertThat(reasons.get(6)).isEqualTo("duplicate ticket id T-1");
    assertThat(reasons.get(7)).isEqualTo("not a JSON object");
    assertThat(reasons.get(8)).isEqualTo("messages[0].text is required");
    assertThat(parsed.problems().get(6)).hasToString("line 9: duplicate ticket id T-1");
  }

  @Test
  void fieldsOfTheWrongTypeAndInvalidIdsAreReported() throws IOException {
    TicketFile.Parsed parsed = read(
        "{\"id\":4.5,\"messages\":" + TWO_MESSAGES + "}",
        ticket("has space", TWO_MESSAGES),
        "{\"id\":\"T-3\",\"messages\":" + TWO_MESSAGES + ",\"tags\":\"vpn\"}",
        "{\"id\":\"T-4\",\"messages\":" + TWO_MESSAGES + ",\"tags\":[1]}",
        ticket("T-5", "[\"just text\"]"));

    assertThat(parsed.items()).isEmpty();
    assertThat(parsed.problems()).extracting(ImportProblem::reason).containsExactly(
        "id must be a string",
        "id 'has space' is not a valid ticket id (letters, digits, . _ : # -; at most 128)",
        "tags must be an array of strings",
        "tags must be an array of strings",
        "messages[0] is not an object");
  }

  @Test
  void aNumericIdReadsAsItsDecimalString_andBlankOptionalFieldsReadAsAbsent() throws IOException {
    TicketFile.Parsed parsed = read("{\"id\":4711,\"title\":\"\",\"resolution\":\" \",\"messages\":["
        + "{\"role\":\"customer\",\"author\":\"\",\"text\":\"It drops\",\"ts\":\"\"}]}");

    assertThat(parsed.problems()).isEmpty();
    HistoricalTicket ticket = parsed.items().get(0).ticket();
    assertThat(ticket.id()).isEqualTo("4711");
    assertThat(ticket.title()).isNull();
    assertThat(ticket.resolution()).isNull();
    assertThat(ticket.messages().get(0).author()).isNull();
    assertThat(ticket.messages().get(0).ts()).isNull();
  }

  @Test
  void aTimestampWithoutOffsetIsUtcByDefault_orInTheChosenZone() throws IOException {
    String line = ticket("T-1", "[{\"role\":\"customer\",\"text\":\"q\",\"ts\":\"2024-07-01T10:00:00\"},"
        + "{\"role\":\"analyst\",\"text\":\"a\",\"ts\":\"2024-07-01T10:05:00+02:00\"}]");

    List<HistoricalTicket.Turn> utc = read(line).items().get(0).ticket().messages();
    assertThat(utc.get(0).ts()).isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
    assertThat(utc.get(1).ts()).isEqualTo(Instant.parse("2024-07-01T08:05:00Z"));

    Path file = dir.resolve("berlin.jsonl");
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
    List<HistoricalTicket.Turn> berlin = TicketFile.read(file, "acme", "network", ZoneId.of("Europe/Berlin"))
        .items().get(0).ticket().messages();
    assertThat(berlin.get(0).ts()).isEqualTo(Instant.parse("2024-07-01T08:00:00Z"));
    assertThat(berlin.get(1).ts()).as("an explicit offset wins over the zone")
        .isEqualTo(Instant.parse("2024-07-01T08:05:00Z"));
  }
}
