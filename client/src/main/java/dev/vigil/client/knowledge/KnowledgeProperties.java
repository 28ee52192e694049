package dev.vigil.client.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The knowledge index ({@code vigil.knowledge.*}): Elasticsearch when a URL is set, else embedded Lucene under the
 * data directory (one process only: Lucene's write lock keeps a second one out).
 *
 * @param elasticsearchUrl e.g. {@code http://elasticsearch:9200}; blank uses Lucene
 * @param elasticsearchUsername optional basic-auth user
 * @param elasticsearchPassword optional basic-auth password
 * @param alias Elasticsearch alias of the entries index
 * @param analyzer text analyzer: {@code standard} (default) or {@code english}
 * @param refresh Elasticsearch write refresh policy: {@code wait_for}, {@code true} or {@code false}
 * @param modelCacheDir where the embedding model's tokenizer native library is cached; blank = data dir/models
 * @param embeddingThreads threads that run the embedding model
 */
@Validated
@ConfigurationProperties("vigil.knowledge")
public record KnowledgeProperties(
    String elasticsearchUrl,
    String elasticsearchUsername,
    String elasticsearchPassword,
    @NotBlank String alias,
    @NotBlank String analyzer,
    @NotBlank String refresh,
    Path modelCacheDir,
    @Min(1) @Max(64) int embeddingThreads) {

  public boolean useElasticsearch() {
    return elasticsearchUrl != null && !elasticsearchUrl.isBlank();
  }
}
