package dev.vigil.starter.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ConnectorOutbound;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.activities.connector.jira.JiraApi;
import dev.vigil.starter.connector.OutboundConnectorContract;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraOutboundContractTest extends OutboundConnectorContract {
  @Override
  protected String system() {
    return "jira";
  }

  @Override
  protected TicketApi api(String fakeUrl, VendorHttp http, WriteBack writeBack) {
    return new JiraApi(fakeUrl, "agent@acme.example", "jira-token", http, writeBack);
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

  @Override
  protected String vendorUser() {
    return "5b10ac8d82e05b22cc7d4ef5";
  }

  @Override
  protected VendorRequest expectedChange(OutboundKind kind) {
    return switch (kind) {
      case RESOLVED -> new VendorRequest("POST", "/rest/api/3/issue/SUP-12/transitions",
          "{\"transition\":{\"id\":\"21\"}}");
      case CLOSED -> new VendorRequest("POST", "/rest/api/3/issue/SUP-12/transitions",
          "{\"transition\":{\"id\":\"31\"}}");
      case ASSIGNED -> new VendorRequest("PUT", "/rest/api/3/issue/SUP-12/assignee",
          "{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\"}");
      default -> new VendorRequest("PUT", "/rest/api/3/issue/SUP-12",
          "{\"fields\":{\"priority\":{\"name\":\"Highest\"}}}");
    };
  }

  private ConnectorOutbound outbound(WriteBack writeBack) {
    return new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp(), writeBack)), message -> {
      throw new AssertionError("nothing goes to the generic webhook");
    }, new SentComments(null), new StateWrites(null), () -> "ticket:jira:SUP-12");
  }

  @Test
  void anIssueAlreadyInTheStatusIsLeftAlone() {
    fake.jiraStatus("SUP-12", "Resolved");
    OutboundResult result = outbound(WriteBack.defaults()).send(change(OutboundKind.RESOLVED, ""));

    assertThat(result.status()).isEqualTo(SendStatus.DELIVERED);
    assertThat(result.detail()).contains("already Resolved");
    assertThat(fake.changes("jira", "SUP-12")).isEmpty();
  }

  @Test
  void aStatusTheWorkflowDoesNotOffer_fallsBackToItsFirstTransitionIntoDone() {
    OutboundResult result = outbound(new WriteBack(Map.of(), Map.of(), "Done", null))
        .send(change(OutboundKind.RESOLVED, ""));

    assertThat(result.detail()).contains("Resolve → Resolved");
    assertThat(fake.jiraStatus("SUP-12")).isEqualTo("Resolved");
  }

  @Test
  void theConfiguredStatusIsFoundByName() {
    OutboundResult result = outbound(new WriteBack(Map.of(), Map.of(), "closed", null))
        .send(change(OutboundKind.RESOLVED, ""));

    assertThat(result.detail()).contains("Close → Closed");
    assertThat(fake.jiraStatus("SUP-12")).isEqualTo("Closed");
  }

  @Test
  void configuredPriorityNamesReplaceTheDefaultScheme() {
    outbound(new WriteBack(Map.of(), Map.of("p1", "Blocker"), null, null))
        .send(change(OutboundKind.PRIORITY_CHANGED, "P1"));

    assertThat(fake.changes("jira", "SUP-12")).singleElement()
        .satisfies(r -> assertThat(r.body().path("fields").path("priority").path("name").asText())
            .isEqualTo("Blocker"));
  }
}
