package dev.vigil.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.notify.WebhookSignature;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest extends EmbeddedApiTest {
  private static String newTicketId() {
    return "WH-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String sign(byte[] body, Instant at, String secret) {
    return new WebhookSignature(secret, Duration.ofMinutes(5), Clock.fixed(at, ZoneOffset.UTC)).sign(body);
  }

  @Test
  void givenValidSignedEvent_itAnswers202WithTheTicketAndWorkflowIds() {
    String id = newTicketId();
    VigilHttp.Response response = http.webhook(VigilHttp.created(id, "Cannot mount volume", "acme"));
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.json().get("ticketId").asText()).isEqualTo(id);
    assertThat(response.json().get("workflowId").asText()).isEqualTo("ticket:desk:" + id);
    JsonNode ticket = http.awaitTicket(id, t -> t.get("status").asText().equals("triaged"));
    assertThat(ticket.get("subject").asText()).isEqualTo("Cannot mount volume");
  }

  @Test
  void givenMissingWrongOrStaleSignature_itAnswers401_andCreatesNothing() {
    String id = newTicketId();
    byte[] body = VigilHttp.created(id, "Unsigned", "acme").toString().getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.now();

    assertThat(http.webhookRaw(body, null).status()).isEqualTo(401);
    assertThat(http.webhookRaw(body, sign(body, now, "not-the-secret")).status()).isEqualTo(401);
    assertThat(http.webhookRaw(body, "t=" + now.getEpochSecond() + ",v1=zz").status()).isEqualTo(401);
    assertThat(http.webhookRaw(body, "garbage").status()).isEqualTo(401);
    VigilHttp.Response stale = http.webhookRaw(body, sign(body, now.minusSeconds(400), VigilHttp.SECRET));
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.json().get("error").asText()).isEqualTo("invalid_signature");
    assertThat(http.webhookRaw(body, sign(body, now.plusSeconds(400), VigilHttp.SECRET)).status()).isEqualTo(401);
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Unsigned", "Tampered")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(http.webhookRaw(tampered, sign(body, now, VigilHttp.SECRET)).status()).isEqualTo(401);

    assertThat(http.getAsAdmin("/api/v1/tickets/" + id).status()).isEqualTo(404);
  }

  @Test
  void givenRepeatedEventId_itAnswers2xx_andChangesNothing() {
    String id = newTicketId();
    http.webhook(VigilHttp.created(id, "Billing export empty", "acme"));
    ObjectNode question = VigilHttp.message(id, "customer", "Why is my billing export empty?");
    assertThat(http.webhook(question).status()).isEqualTo(202);
    http.awaitTicket(id, t -> t.get("messages").size() == 1);

    assertThat(http.webhook(question).status()).isEqualTo(202);
    assertThat(http.webhook(question).status()).isEqualTo(202);
    JsonNode ticket = http.awaitTicket(id, t -> t.get("duplicateEventsIgnored").asLong() == 2);
    assertThat(ticket.get("messages")).hasSize(1);
    assertThat(ticket.get("eventsApplied").asLong()).isEqualTo(2);
  }

  @Test
  void givenMalformedBodies_itAnswers400NamingTheField() {
    String id = newTicketId();
    assertRejected("{not json", "$");
    assertRejected("[1,2]", "$");
    assertRejected("{\"eventId\":\"e\"}", "type");

    ObjectNode noEventId = VigilHttp.created(id, "x", "acme");
    noEventId.remove("eventId");
    assertRejected(noEventId.toString(), "eventId");

    ObjectNode unknownType = VigilHttp.event("ticket.exploded", id);
    assertRejected(unknownType.toString(), "type");

    ObjectNode noTicketId = VigilHttp.created(id, "x", "acme");
    ((ObjectNode) noTicketId.get("ticket")).remove("id");
    assertRejected(noTicketId.toString(), "ticket.id");

    ObjectNode badTicketId = VigilHttp.event("ticket.escalated", "../../etc/passwd");
    assertRejected(badTicketId.toString(), "ticket.id");

    ObjectNode ticketNotObject = VigilHttp.event("ticket.escalated", id);
    ticketNotObject.put("ticket", "T-1");
    assertRejected(ticketNotObject.toString(), "ticket");

    ObjectNode noSubject = VigilHttp.created(id, "x", "acme");
    ((ObjectNode) noSubject.get("ticket")).remove("subject");
    assertRejected(noSubject.toString(), "ticket.subject");

    ObjectNode noTenant = VigilHttp.created(id, "x", "acme");
    ((ObjectNode) noTenant.get("ticket").get("customer")).remove("tenant");
    assertRejected(noTenant.toString(), "ticket.customer.tenant");

    ObjectNode badPriority = VigilHttp.created(id, "x", "acme");
    ((ObjectNode) badPriority.get("ticket")).put("priority", "urgent");
    assertRejected(badPriority.toString(), "ticket.priority");

    ObjectNode numericSubject = VigilHttp.created(id, "x", "acme");
    ((ObjectNode) numericSubject.get("ticket")).put("subject", 42);
    assertRejected(numericSubject.toString(), "ticket.subject");

    ObjectNode badTime = VigilHttp.created(id, "x", "acme");
    badTime.put("occurredAt", "yesterday");
    assertRejected(badTime.toString(), "occurredAt");

    ObjectNode noText = VigilHttp.message(id, "customer", "x");
    ((ObjectNode) noText.get("message")).remove("text");
    assertRejected(noText.toString(), "message.text");

    ObjectNode badRole = VigilHttp.message(id, "customer", "x");
    ((ObjectNode) badRole.get("message")).put("role", "robot");
    assertRejected(badRole.toString(), "message.role");

    ObjectNode noAnalyst = VigilHttp.event("ticket.assigned", id);
    assertRejected(noAnalyst.toString(), "analyst");

    ObjectNode noPriority = VigilHttp.event("ticket.priority_changed", id);
    assertRejected(noPriority.toString(), "ticket.priority");

    String deep = "{\"eventId\":\"e\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
    assertRejected(deep, "$");

    byte[] invalidUtf8 = {'{', '"', 'e', 'v', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    VigilHttp.Response response = http.webhookRaw(invalidUtf8, sign(invalidUtf8, Instant.now(), VigilHttp.SECRET));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo("$");

    assertThat(http.getAsAdmin("/api/v1/tickets/" + id).status()).isEqualTo(404);
  }

  @Test
  void givenOversizedBody_itAnswers413() {
    ObjectNode huge = VigilHttp.message(newTicketId(), "customer", "x".repeat(1_100_000));
    assertThat(http.webhook(huge).status()).isEqualTo(413);
  }

  @Test
  void givenEveryEventType_eachIsAccepted_andMovesTheTicket() {
    String id = newTicketId();
    // the first event seen for a ticket may be of any type: here a customer message
    assertThat(http.webhook(VigilHttp.message(id, "customer", "Hello, our VPN is down")).status()).isEqualTo(202);
    assertThat(http.webhook(VigilHttp.created(id, "VPN down", "acme")).status()).isEqualTo(202);
    assertThat(http.webhook(VigilHttp.event("ticket.escalated", id)).status()).isEqualTo(202);
    ObjectNode assigned = VigilHttp.event("ticket.assigned", id);
    assigned.putObject("analyst").put("id", "a-1").put("name", "Bob Analyst");
    assertThat(http.webhook(assigned).status()).isEqualTo(202);
    ObjectNode priority = VigilHttp.event("ticket.priority_changed", id);
    ((ObjectNode) priority.get("ticket")).put("priority", "P1");
    assertThat(http.webhook(priority).status()).isEqualTo(202);
    assertThat(http.webhook(VigilHttp.message(id, "analyst", "Restart the gateway")).status()).isEqualTo(202);
    ObjectNode resolved = VigilHttp.event("ticket.resolved", id);
    resolved.putObject("resolution").put("note", "Gateway restarted");
    assertThat(http.webhook(resolved).status()).isEqualTo(202);
    assertThat(http.webhook(VigilHttp.event("ticket.reopened", id)).status()).isEqualTo(202);
    assertThat(http.webhook(VigilHttp.event("ticket.closed", id)).status()).isEqualTo(202);

    JsonNode ticket = http.awaitTicket(id, t -> t.get("eventsApplied").asLong() == 9);
    assertThat(ticket.get("status").asText()).isEqualTo("closed");
    assertThat(ticket.get("priority").asText()).isEqualTo("P1");
    assertThat(ticket.get("assignee").get("id").asText()).isEqualTo("a-1");
    assertThat(ticket.get("messages")).hasSize(2);
    assertThat(ticket.get("resolutionNote").asText()).isEqualTo("Gateway restarted");
    assertThat(ticket.get("timeline").toString()).contains("resolved → escalated");
  }

  private void assertRejected(String body, String field) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    VigilHttp.Response response = http.webhookRaw(bytes, sign(bytes, Instant.now(), VigilHttp.SECRET));
    assertThat(response.status()).as("status for %s", body.length() > 200 ? body.substring(0, 200) : body)
        .isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo("invalid_event");
    assertThat(response.json().get("field").asText()).as("field for %s", body).isEqualTo(field);
    assertThat(response.json().get("message").asText()).isNotBlank();
  }
}
