package dev.vigil.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Sends import batches to a running Vigil ({@code POST /api/v1/knowledge/import}), whose index is then locked. */
final class RemoteKnowledgeImporter implements KnowledgeImporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String authorization;

  RemoteKnowledgeImporter(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a Vigil answers at {@code baseUrl}. */
  static boolean reachable(String baseUrl) {
    try {
      HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
          .send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(5))
              .GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200 || response.statusCode() == 503;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public BulkResult write(List<KnowledgeEntry> batch, String source) {
    ArrayNode items = JSON.createArrayNode();
    for (KnowledgeEntry entry : batch) {
      ObjectNode item = items.addObject()
          .put("question", entry.question())
          .put("answer", entry.answer())
          .put("product", entry.product())
          .put("scope", entry.scope());
      ArrayNode tags = item.putArray("tags");
      entry.tags().forEach(tags::add);
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/knowledge/import?source="
            + URLEncoder.encode(source, StandardCharsets.UTF_8)))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(items.toString()))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Vigil at " + baseUrl + " answered " + response.statusCode() + ": "
            + response.body());
      }
      JsonNode result = JSON.readTree(response.body()).get("result");
      List<String> failures = new ArrayList<>();
      result.get("failures").forEach(f -> failures.add(f.asText()));
      return new BulkResult(result.get("written").asInt(), result.get("unchanged").asInt(), failures);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach Vigil at " + baseUrl + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String destination() {
    return "the running Vigil at " + baseUrl;
  }

  @Override
  public void close() {
    // HttpClient needs no closing on Java 17
  }
}
