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

  @Test
  void anIndexCreatedBeforeTheQuestionVectorGetsIt_andFindsLearnedEntriesByQuestion() throws Exception {
    // the entry index as Vigil created it before learned entries had a question vector
    String old = "kt-old-" + UUID.randomUUID().toString().substring(0, 8);
    String mapping = """
        {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
         "aliases": {"%s": {"is_write_index": true}},
         "mappings": {"dynamic": false, "_source": {"excludes": ["embedding"]}, "properties": {
           "id": {"type": "keyword"}, "kind": {"type": "keyword"}, "status": {"type": "keyword"},
           "scope": {"type": "keyword"}, "product": {"type": "keyword", "null_value": "_none"},
           "question": {"type": "text", "copy_to": "text"}, "answer": {"type": "text", "copy_to": "text"},
           "tags": {"type": "text", "copy_to": "text"}, "text": {"type": "text"}, "version": {"type": "long"},
           "createdAt": {"type": "date"}, "updatedAt": {"type": "date"},
           "embedding": {"type": "dense_vector", "dims": 384, "index": true, "similarity": "cosine"}}}}
        """.formatted(old);
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(LocalElasticsearch.shared().url() + "/" + old + "-v1"))
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(mapping)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

    try (ElasticsearchKnowledgeIndex upgraded = ElasticsearchKnowledgeIndex.connect(
        new ElasticsearchSettings(LocalElasticsearch.shared().url(), null, null, old, "standard", "true"),
        SharedEmbedder.get(), Clock.systemUTC())) {
      upgraded.upsert(learnedWebhookTimeout(), 0);
      KnowledgeHit hit = upgraded.search(KnowledgeQuery.of(
          "Why do your webhook calls to our server keep timing out and getting retried?", "acme")).get(0);
      assertThat(hit.entry().id()).isEqualTo("learned-webhook");
      assertThat(hit.questionKnnRank()).isEqualTo(1);
    }
  }
}
