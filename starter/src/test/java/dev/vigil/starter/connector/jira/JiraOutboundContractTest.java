package dev.vigil.starter.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.jira.JiraApi;
import dev.vigil.starter.connector.OutboundConnectorContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

class JiraOutboundContractTest extends OutboundConnectorContract {
  @Override
  protected String system() {
    return "jira";
  }

  @Override
  protected TicketApi api(String fakeUrl, VendorHttp http) {
    return new JiraApi(fakeUrl, "agent@acme.example", "jira-token", http);
  }

  @Override
  protected String ticketId() {
    return "SUP-12";
  }

  @Override
  protected boolean isPublic(JsonNode body) {
    return body.path("public").asBoolean();
  }

  @Override
  protected String text(JsonNode body) {
    return body.path("body").asText();
  }

  @Override
  protected void assertAuthorized(Map<String, String> headers) {
    assertThat(headers.get("authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        "agent@acme.example:jira-token".getBytes(StandardCharsets.UTF_8)));
  }
}
