package dev.vigil.starter.connector.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ConnectorOutbound;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.activities.connector.zammad.ZammadApi;
import dev.vigil.starter.connector.OutboundConnectorContract;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.ticket.TicketEventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZammadOutboundContractTest extends OutboundConnectorContract {
  @Override
  protected String system() {
    return "zammad";
  }

  @Override
  protected TicketApi api(String fakeUrl, VendorHttp http, WriteBack writeBack) {
    return new ZammadApi(fakeUrl, "zammad-token", http, writeBack);
  }

  @Override
  protected String ticketId() {
    return "31";
  }

  @Override
  protected boolean isPublic(JsonNode body) {
    assertThat(body.path("type").asText()).isEqualTo("note");
    assertThat(body.path("ticket_id").asLong()).isEqualTo(31);
    return !body.path("internal").asBoolean();
  }

  @Override
  protected String text(JsonNode body) {
    return body.path("body").asText();
  }

  @Override
  protected void assertAuthorized(Map<String, String> headers) {
    assertThat(headers.get("authorization")).isEqualTo("Token token=zammad-token");
  }

  @Override
  protected String vendorUser() {
    return "5";
  }

  @Override
  protected VendorRequest expectedChange(OutboundKind kind) {
    String body = switch (kind) {
      case RESOLVED, CLOSED -> "{\"state\":\"closed\"}";
      case ASSIGNED -> "{\"owner_id\":5}";
      default -> "{\"priority\":\"3 high\"}";
    };
    return new VendorRequest("PUT", "/api/v1/tickets/31", body);
  }

  /** Zammad has three levels and reads its {@code 3 high} as P2; it reports its state with every delivery. */
  @Test
  void p1WrittenAs3High_isRecognisedWhenZammadReportsItAsP2_everyTime() {
    new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), message -> null, new SentComments(null),
        writes, () -> "ticket:zammad:31").send(change(OutboundKind.PRIORITY_CHANGED, "P1"));

    assertThat(writes.isEcho("zammad", reported(TicketEventType.PRIORITY_CHANGED, "P2"))).isTrue();
    assertThat(writes.isEcho("zammad", reported(TicketEventType.PRIORITY_CHANGED, "P2"))).isTrue();
    assertThat(writes.isEcho("zammad", reported(TicketEventType.PRIORITY_CHANGED, "P3"))).isFalse();
  }

  /** Resolving writes {@code closed}, which Zammad's next delivery reports while Vigil has the ticket resolved. */
  @Test
  void aResolutionWrittenAsClosed_isRecognisedWhenZammadReportsTheTicketClosed() {
    new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), message -> null, new SentComments(null),
        writes, () -> "ticket:zammad:31").send(change(OutboundKind.RESOLVED, ""));

    assertThat(writes.isEcho("zammad", reported(TicketEventType.CLOSED, null))).isTrue();
  }
}
