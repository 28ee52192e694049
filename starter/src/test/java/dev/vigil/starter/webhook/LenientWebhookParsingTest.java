package dev.vigil.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.activities.notify.SignatureException;
import dev.vigil.workflows.ticket.TicketEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What templates and numeric-id systems send: blank optional fields and integer ids are read, not refused. */
class LenientWebhookParsingTest {
  private final WebhookEventParser parser = new WebhookEventParser();

  private TicketEvent parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void blankOrNullOptionalFieldsReadAsAbsent() {
    TicketEvent event = parse("""
        {"eventId":"e-1","type":"ticket.created","occurredAt":"2026-11-27T10:15:30Z",
         "ticket":{"id":"T-1","subject":"VPN down","description":"","priority":" ","product":null,
                   "customer":{"id":"","tenant":"acme","name":"","email":null}},
         "analyst":"","resolution":{"note":""}}""");

    assertThat(event.ticket().description()).isNull();
    assertThat(event.ticket().priority()).isNull();
    assertThat(event.ticket().product()).isNull();
    assertThat(event.ticket().customer().id()).isNull();
    assertThat(event.ticket().customer().name()).isNull();
    assertThat(event.ticket().customer().tenant()).isEqualTo("acme");
    assertThat(event.resolutionNote()).isNull();
  }

  @Test
  void numericIdsReadAsTheirDecimalString() {
    TicketEvent event = parse("""
        {"eventId":90071992547409930,"type":"message.posted","occurredAt":"2026-11-27T10:15:30Z",
         "ticket":{"id":4711,"customer":{"id":42}},
         "message":{"id":7,"role":"customer","text":"Still down"}}""");

    assertThat(event.eventId()).isEqualTo("90071992547409930");
    assertThat(event.ticketId()).isEqualTo("4711");
    assertThat(event.ticket().customer().id()).isEqualTo("42");
    assertThat(event.message().id()).isEqualTo("7");
  }

  @Test
  void aBlankRequiredFieldIsStillMissing_andAFractionIsNoId() {
    assertThatThrownBy(() -> parse("""
        {"eventId":"e","type":"ticket.created","occurredAt":"2026-11-27T10:15:30Z",
         "ticket":{"id":"T-1","subject":"","customer":{"tenant":"acme"}}}"""))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.field()).isEqualTo("ticket.subject"));
    assertThatThrownBy(() -> parse("""
        {"eventId":"e","type":"ticket.escalated","occurredAt":"2026-11-27T10:15:30Z","ticket":{"id":4.5}}"""))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ticket.id"));
    assertThatThrownBy(() -> parse("""
        {"eventId":"e","type":"ticket.escalated","occurredAt":"2026-11-27T10:15:30Z","ticket":{"id":-3}}"""))
        .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("ticket.id"));
  }

  @Test
  void theStaticTokenMatchesOnlyItself_andIsRefusedWhenNotConfigured() {
    StaticToken token = new StaticToken("a-static-token-of-20");
    token.verify("Bearer a-static-token-of-20");
    token.verify("bearer a-static-token-of-20");
    assertThatThrownBy(() -> token.verify("Bearer a-static-token-of-21")).isInstanceOf(SignatureException.class);
    assertThatThrownBy(() -> token.verify("Bearer ")).isInstanceOf(SignatureException.class);
    assertThatThrownBy(() -> new StaticToken("").verify("Bearer anything"))
        .isInstanceOf(SignatureException.class).hasMessageContaining("VIGIL_WEBHOOK_TOKEN is not set");
    assertThat(StaticToken.isBearer("Basic YWRtaW46eA==")).isFalse();
    assertThat(StaticToken.isBearer(null)).isFalse();
  }
}
