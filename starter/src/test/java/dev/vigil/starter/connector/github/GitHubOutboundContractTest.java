package dev.vigil.starter.connector.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ConnectorOutbound;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.VigilMarker;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.activities.connector.github.GitHubApi;
import dev.vigil.starter.connector.OutboundConnectorContract;
import dev.vigil.workflows.notify.OutboundKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against a GitHub Enterprise-style API URL with the {@code /api/v3} path prefix. */
class GitHubOutboundContractTest extends OutboundConnectorContract {
  @Override
  protected String system() {
    return "github";
  }

  @Override
  protected TicketApi api(String fakeUrl, VendorHttp http, WriteBack writeBack) {
    return new GitHubApi(fakeUrl + "/api/v3", "ghp-token", http, writeBack);
  }

  @Override
  protected String ticketId() {
    return "Codertocat:Hello-World#1";
  }

  /** GitHub comments are all public. */
  @Override
  protected boolean isPublic(JsonNode body) {
    return true;
  }

  @Override
  protected String text(JsonNode body) {
    return body.path("body").asText();
  }

  @Override
  protected void assertAuthorized(Map<String, String> headers) {
    assertThat(headers.get("authorization")).isEqualTo("Bearer ghp-token");
    assertThat(headers.get("accept")).isEqualTo("application/vnd.github+json");
  }

  @Test
  void theCommentCarriesTheHiddenMarker_atTheEnterprisePath() {
    new GitHubApi(fake.url() + "/api/v3/", "ghp-token", new VendorHttp())
        .postComment(ticketId(), "Fixed in 1.2", true, "ticket:github:k/1");
    assertThat(fake.requests()).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/api/v3/repos/Codertocat/Hello-World/issues/1/comments");
      assertThat(VigilMarker.isPresent(r.body().path("body").asText())).isTrue();
    });
  }

  @Override
  protected String vendorUser() {
    return "octocat";
  }

  @Override
  protected VendorRequest expectedChange(OutboundKind kind) {
    String body = switch (kind) {
      case RESOLVED, CLOSED -> "{\"state\":\"closed\",\"state_reason\":\"completed\"}";
      case ASSIGNED -> "{\"assignees\":[\"octocat\"]}";
      default -> "{\"labels\":[\"priority: critical\"]}";
    };
    return new VendorRequest("PATCH", "/api/v3/repos/Codertocat/Hello-World/issues/1", body);
  }

  @Test
  void aPriorityLabelReplacesThePreviousOne_andKeepsTheOthers() {
    fake.githubLabels(ticketId(), List.of("bug", "P3", "customer"));
    new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), message -> null, new SentComments(null),
        new StateWrites(null), () -> "ticket:github:" + ticketId()).send(change(OutboundKind.PRIORITY_CHANGED, "P2"));

    assertThat(fake.githubLabels(ticketId())).containsExactly("bug", "customer", "priority: high");
  }

  @Test
  void closingAsNotPlannedIsConfigurable() {
    new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp(), new WriteBack(Map.of(), Map.of(), null,
        "not_planned"))), message -> null, new SentComments(null), writes, () -> "ticket:github:" + ticketId())
        .send(change(OutboundKind.CLOSED, ""));

    assertThat(fake.changes("github", ticketId())).singleElement()
        .satisfies(r -> assertThat(r.body().path("state_reason").asText()).isEqualTo("not_planned"));
  }
}
