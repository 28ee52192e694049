package dev.vigil.starter.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorContract;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraConnectorContractTest extends ConnectorContract {
  private static final String KEY = "SUP-12";

  @Override
  protected Connector connector(String secret) {
    return new JiraConnector(SourceSettings.withSecret(secret));
  }

  @Override
  protected Map<String, String> sign(byte[] body, String secret, Instant at) {
    return JiraPayloads.sign(body, secret);
  }

  @Override
  protected List<String> signatureHeaders() {
    return List.of(JiraConnector.SIGNATURE);
  }

  @Override
  protected String expectedTicketId() {
    return KEY;
  }

  private static Delivery of(ObjectNode payload) {
    return new Delivery(JiraPayloads.delivery(), payload.toString());
  }

  @Override
  protected Delivery created() {
    return of(JiraPayloads.event(KEY, "jira:issue_created"));
  }

  @Override
  protected Delivery customerComment() {
    return of(JiraPayloads.comment(KEY, "10100", "It dropped again at 10:00", JiraPayloads.REPORTER, true));
  }

  @Override
  protected Delivery staffPublicComment() {
    return of(JiraPayloads.comment(KEY, "10101", "Please raise the IKE lifetime", JiraPayloads.AGENT, true));
  }

  @Override
  protected Delivery staffInternalComment() {
    return of(JiraPayloads.comment(KEY, "10102", "Probably the rekey bug", JiraPayloads.AGENT, false));
  }

  @Override
  protected Delivery assignment() {
    return of(JiraPayloads.change(KEY, "assignee", null, null, JiraPayloads.AGENT, "Bob Agent"));
  }

  @Override
  protected String expectedAssignee() {
    return JiraPayloads.AGENT;
  }

  @Override
  protected Delivery priorityChange() {
    return of(JiraPayloads.change(KEY, "priority", "3", "Medium", "1", "Highest"));
  }

  @Override
  protected Priority expectedPriority() {
    return Priority.P1;
  }

  @Override
  protected Delivery resolved() {
    return of(JiraPayloads.change(KEY, "resolution", null, null, "10000", "Done"));
  }

  @Override
  protected Delivery closed() {
    return of(JiraPayloads.change(KEY, "status", "10001", "Resolved", "6", "Closed"));
  }

  @Override
  protected Delivery reopened() {
    return of(JiraPayloads.change(KEY, "status", "6", "Closed", "10002", "Waiting for support"));
  }

  @Test
  void aStatusAndAResolutionInOneDeliveryAreOneLifecycleEvent() {
    ObjectNode payload = JiraPayloads.change(KEY, "status", "1", "In Progress", "5", "Resolved");
    ((com.fasterxml.jackson.databind.node.ArrayNode) payload.get("changelog").get("items")).addObject()
        .put("field", "resolution").putNull("from").putNull("fromString").put("to", "10000").put("toString", "Done");
    assertThat(map(of(payload)).events()).extracting(e -> e.type()).containsExactly(TicketEventType.RESOLVED);
  }

  @Test
  void aDocumentFormatCommentReadsAsText() {
    ObjectNode payload = JiraPayloads.comment(KEY, "10103", "x", JiraPayloads.REPORTER, true);
    ObjectNode adf = ((ObjectNode) payload.get("comment")).putObject("body").put("type", "doc").put("version", 1);
    adf.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
        .put("type", "text").put("text", "Dropped again");
    assertThat(map(of(payload)).events().get(0).message().text()).isEqualTo("Dropped again");
  }

  @Test
  void anUnassignmentIsNoAssignment() {
    assertThat(map(of(JiraPayloads.change(KEY, "assignee", JiraPayloads.AGENT, "Bob Agent", null, null))).events())
        .isEmpty();
  }
}
