package dev.vigil.starter.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorContract;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.workflows.ticket.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskConnectorContractTest extends ConnectorContract {
  private static final String TICKET = "35436";

  @Override
  protected Connector connector(String secret) {
    return new ZendeskConnector(SourceSettings.withSecret(secret), Duration.ofSeconds(300));
  }

  @Override
  protected Map<String, String> sign(byte[] body, String secret, Instant at) {
    return ZendeskPayloads.sign(body, secret, at);
  }

  @Override
  protected List<String> signatureHeaders() {
    return List.of(ZendeskConnector.SIGNATURE);
  }

  @Override
  protected boolean timestamped() {
    return true;
  }

  @Override
  protected String expectedTicketId() {
    return TICKET;
  }

  private static Delivery of(ObjectNode payload) {
    return new Delivery(Map.of("Content-Type", "application/json"), payload.toString());
  }

  @Override
  protected Delivery created() {
    return of(ZendeskPayloads.event(TICKET, "created"));
  }

  @Override
  protected Delivery customerComment() {
    return of(ZendeskPayloads.comment(TICKET, 5001, "Still failing after the restart", true, false, "7001"));
  }

  @Override
  protected Delivery staffPublicComment() {
    return of(ZendeskPayloads.comment(TICKET, 5002, "Please update the agent to 4.2", true, true, "8001"));
  }

  @Override
  protected Delivery staffInternalComment() {
    return of(ZendeskPayloads.comment(TICKET, 5003, "Looks like the known 0x80 bug", false, true, "8001"));
  }

  @Override
  protected Delivery assignment() {
    return of(ZendeskPayloads.change(TICKET, "agent_assignment_changed", null, "8001"));
  }

  @Override
  protected String expectedAssignee() {
    return "8001";
  }

  @Override
  protected Delivery priorityChange() {
    return of(ZendeskPayloads.change(TICKET, "priority_changed", "NORMAL", "URGENT"));
  }

  @Override
  protected Priority expectedPriority() {
    return Priority.P1;
  }

  @Override
  protected Delivery resolved() {
    return of(ZendeskPayloads.change(TICKET, "status_changed", "OPEN", "SOLVED"));
  }

  @Override
  protected Delivery closed() {
    return of(ZendeskPayloads.change(TICKET, "status_changed", "SOLVED", "CLOSED"));
  }

  @Override
  protected Delivery reopened() {
    return of(ZendeskPayloads.change(TICKET, "status_changed", "SOLVED", "OPEN"));
  }

  @Test
  void theOrganisationIsTheTenantUnlessMapped() {
    ObjectNode payload = ZendeskPayloads.event(TICKET, "created");
    assertThat(map(of(payload)).events().get(0).ticket().customer().tenant()).isEqualTo("acme");
    ZendeskConnector mapped = new ZendeskConnector(new SourceSettings(SECRET, Map.of("acme", "acme-eu"), null,
        Map.of()), Duration.ofSeconds(300));
    var request = new dev.vigil.starter.connector.InboundRequest(Map.of(),
        payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), NOW);
    assertThat(mapped.map(request, id -> null).events().get(0).ticket().customer().tenant()).isEqualTo("acme-eu");
  }
}
