package dev.vigil.starter.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.activities.connector.zendesk.ZendeskApi;
import dev.vigil.starter.connector.OutboundConnectorContract;
import dev.vigil.workflows.notify.OutboundKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

class ZendeskOutboundContractTest extends OutboundConnectorContract {
  @Override
  protected String system() {
    return "zendesk";
  }

  @Override
  protected TicketApi api(String fakeUrl, VendorHttp http, WriteBack writeBack) {
    return new ZendeskApi(fakeUrl, "agent@acme.example", "zd-token", http, writeBack);
  }

  @Override
  protected String ticketId() {
    return "35436";
  }

  @Override
  protected boolean isPublic(JsonNode body) {
    return body.path("ticket").path("comment").path("public").asBoolean();
  }

  @Override
  protected String text(JsonNode body) {
    return body.path("ticket").path("comment").path("body").asText();
  }

  @Override
  protected void assertAuthorized(Map<String, String> headers) {
    assertThat(headers.get("authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        "agent@acme.example/token:zd-token".getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  protected String vendorUser() {
    return "7001";
  }

  @Override
  protected VendorRequest expectedChange(OutboundKind kind) {
    String ticket = switch (kind) {
      case RESOLVED -> "{\"status\":\"solved\"}";
      case CLOSED -> "{\"status\":\"closed\"}";
      case ASSIGNED -> "{\"assignee_id\":7001}";
      default -> "{\"priority\":\"urgent\"}";
    };
    return new VendorRequest("PUT", "/api/v2/tickets/35436.json", "{\"ticket\":" + ticket + "}");
  }
}
