package dev.vigil.activities.connector.github;

import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.VigilMarker;
import dev.vigil.workflows.notify.OutboundFailures;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * GitHub Issues: {@code POST /repos/{owner}/{repo}/issues/{n}/comments}, {@code Authorization: Bearer <token>}; the
 * API URL may carry a path prefix (GitHub Enterprise Server's {@code /api/v3}). Every comment carries Vigil's hidden
 * marker. GitHub has no internal comments.
 */
public final class GitHubApi implements TicketApi {
  private final String apiUrl;
  private final String token;
  private final VendorHttp http;

  public GitHubApi(String apiUrl, String token, VendorHttp http) {
    this.apiUrl = apiUrl;
    this.token = token;
    this.http = http;
  }

  @Override
  public String source() {
    return "github";
  }

  @Override
  public boolean supportsInternalNotes() {
    return false;
  }

  /** {@code ticketId} is {@code <owner>:<repo>#<number>}, as the GitHub connector names issues. */
  @Override
  public PostedComment postComment(String ticketId, String text, boolean isPublic, String idempotencyKey) {
    int colon = ticketId.indexOf(':');
    int hash = ticketId.lastIndexOf('#');
    if (colon <= 0 || hash <= colon + 1 || hash == ticketId.length() - 1) {
      throw ApplicationFailure.newNonRetryableFailure("not a GitHub issue id (owner:repo#number): " + ticketId,
          OutboundFailures.REJECTED);
    }
    String path = "/repos/" + ticketId.substring(0, colon) + "/" + ticketId.substring(colon + 1, hash) + "/issues/"
        + ticketId.substring(hash + 1) + "/comments";
    VendorHttp.Answer answer = http.send(VendorHttp.request(apiUrl, path)
        .header("Authorization", "Bearer " + token)
        .setHeader("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.json(Map.of("body",
            VigilMarker.append(text, idempotencyKey)))))
        .build(), "github comment on " + ticketId);
    return new PostedComment(answer.body().path("id").asText(null), answer.status());
  }
}
