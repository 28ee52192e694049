package dev.vigil.activities.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchKnowledgeIndex;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchSettings;
import dev.vigil.testkit.elasticsearch.LocalElasticsearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The knowledge-index contract on a real Elasticsearch 8.19 server (the integ-test distribution from Maven Central),
 * started once per test JVM. Each test gets its own alias.
 */
class ElasticsearchKnowledgeIndexTest extends KnowledgeIndexContract {
  private String alias;

  private ElasticsearchKnowledgeIndex connect() {
    return ElasticsearchKnowledgeIndex.connect(
        new ElasticsearchSettings(LocalElasticsearch.shared().url(), null, null, alias, "standard", "true"),
        SharedEmbedder.get(), Clock.systemUTC());
  }

  @Override
  protected KnowledgeIndex openFresh() {
    alias = "kt-" + UUID.randomUUID().toString().substring(0, 8);
    return connect();
  }

  @Override
  protected KnowledgeIndex reopen(KnowledgeIndex index) {
    index.close();
    return connect();
  }

  @Test
  void entriesLiveBehindAnAliasOverAVersionedIndex() throws Exception {
    HttpResponse<String> aliases = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(LocalElasticsearch.shared().url() + "/_alias/" + alias)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(aliases.statusCode()).isEqualTo(200);
    assertThat(aliases.body()).contains("\"" + alias + "-v1\"");
    assertThat(index.health()).contains("elasticsearch");
  }
}
