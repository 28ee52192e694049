package dev.vigil.starter.connector.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.Connector;
import dev.vigil.starter.connector.ConnectorContract;
import dev.vigil.starter.connector.Hmac;
import dev.vigil.starter.connector.SourceSettings;
import dev.vigil.workflows.ticket.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubConnectorContractTest extends ConnectorContract {

  @Override
  protected Connector connector(String secret) {
    return new GitHubConnector(SourceSettings.withSecret(secret));
  }

  @Override
  protected Map<String, String> sign(byte[] body, String secret, Instant at) {
    return GitHubPayloads.sign(body, secret);
  }

  @Override
  protected List<String> signatureHeaders() {
    return List.of(GitHubConnector.SIGNATURE);
  }

  @Override
  protected String expectedTicketId() {
    return "Codertocat:Hello-World#1";
  }

  private static Delivery of(String event, ObjectNode payload) {
    return new Delivery(GitHubPayloads.headers(event), payload.toString());
  }

  @Override
  protected Delivery created() {
    return of("issues", GitHubPayloads.example("issues.opened"));
  }

  /** The published comment is by the author: the customer. */
  @Override
  protected Delivery customerComment() {
    return of("issue_comment", GitHubPayloads.example("issue_comment.created"));
  }

  /** The same comment by a member who is not the author. */
  @Override
  protected Delivery staffPublicComment() {
    ObjectNode payload = GitHubPayloads.example("issue_comment.created");
    ObjectNode comment = (ObjectNode) payload.get("comment");
    comment.put("id", 492700401L).put("author_association", "MEMBER");
    ((ObjectNode) comment.get("user")).put("id", 1).put("login", "octo-agent");
    return of("issue_comment", payload);
  }

  /** GitHub has no internal comments. */
  @Override
  protected Delivery staffInternalComment() {
    return null;
  }

  @Override
  protected Delivery assignment() {
    return of("issues", GitHubPayloads.example("issues.assigned"));
  }

  @Override
  protected String expectedAssignee() {
    return "Codertocat";
  }

  @Override
  protected Delivery priorityChange() {
    ObjectNode payload = GitHubPayloads.example("issues.labeled");
    ((ObjectNode) payload.get("label")).put("name", "P1");
    ((ObjectNode) payload.get("issue").get("labels").get(0)).put("name", "P1");
    return of("issues", payload);
  }

  @Override
  protected Priority expectedPriority() {
    return Priority.P1;
  }

  @Override
  protected Delivery resolved() {
    return of("issues", GitHubPayloads.closed("completed"));
  }

  @Override
  protected Delivery closed() {
    return of("issues", GitHubPayloads.closed("not_planned"));
  }

  @Override
  protected Delivery reopened() {
    return of("issues", GitHubPayloads.example("issues.reopened"));
  }

  @Test
  void theDocumentedTestVectorMatches() {
    byte[] mac = Hmac.sha256("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8));
    assertThat(HexFormat.of().formatHex(mac))
        .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  @Test
  void aLabelThatIsNoPriorityChangesNothing_andThePublishedBugLabelIsNone() {
    assertThat(map(of("issues", GitHubPayloads.example("issues.labeled"))).events()).isEmpty();
  }

  @Test
  void theRepositoryOwnerIsTheTenant() {
    assertThat(map(created()).events().get(0).ticket().customer().tenant()).isEqualTo("Codertocat");
  }
}
