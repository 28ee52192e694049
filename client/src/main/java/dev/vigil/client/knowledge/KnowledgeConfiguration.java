package dev.vigil.client.knowledge;

import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.MiniLmEmbedder;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchKnowledgeIndex;
import dev.vigil.activities.knowledge.elasticsearch.ElasticsearchSettings;
import dev.vigil.activities.knowledge.lucene.LuceneKnowledgeIndex;
import dev.vigil.client.VigilProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedding model and the knowledge index this process uses. */
@Configuration(proxyBeanMethods = false)
public class KnowledgeConfiguration {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

  @Bean(destroyMethod = "close")
  MiniLmEmbedder embedder(KnowledgeProperties knowledge, VigilProperties vigil) {
    Path cache = knowledge.modelCacheDir() != null && !knowledge.modelCacheDir().toString().isEmpty()
        ? knowledge.modelCacheDir() : vigil.dataDir().resolve("models");
    long start = System.nanoTime();
    MiniLmEmbedder embedder = MiniLmEmbedder.load(cache, knowledge.embeddingThreads());
    log.info("embedding model all-MiniLM-L6-v2 loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    return embedder;
  }

  @Bean(destroyMethod = "close")
  KnowledgeIndex knowledgeIndex(KnowledgeProperties knowledge, VigilProperties vigil, MiniLmEmbedder embedder) {
    if (knowledge.useElasticsearch()) {
      ElasticsearchKnowledgeIndex index = ElasticsearchKnowledgeIndex.connect(new ElasticsearchSettings(
          knowledge.elasticsearchUrl(), knowledge.elasticsearchUsername(), knowledge.elasticsearchPassword(),
          knowledge.alias(), knowledge.analyzer(), knowledge.refresh()), embedder, Clock.systemUTC());
      log.info("knowledge index: {}", index.health());
      return index;
    }
    Path path = vigil.dataDir().resolve("knowledge").resolve("lucene");
    LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(path, embedder, knowledge.analyzer(), Clock.systemUTC());
    log.info("knowledge index: {}", index.health());
    return index;
  }
}
