package dev.vigil.starter.connector.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.zammad.ZammadApi;
import dev.vigil.starter.connector.OutboundConnectorContract;
import java.util.Map;

class ZammadOutboundContractTest extends OutboundConnectorContract {
  @Override
  protected String system() {
    return "zammad";
  }

  @Override
  protected TicketApi api(String fakeUrl, VendorHttp http) {
    return new ZammadApi(fakeUrl, "zammad-token", http);
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
}
