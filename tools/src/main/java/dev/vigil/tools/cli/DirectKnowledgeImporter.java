package dev.vigil.tools.cli;

import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.client.VigilProperties;
import dev.vigil.client.knowledge.KnowledgeConfiguration;
import dev.vigil.client.knowledge.KnowledgeProperties;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Opens the knowledge index configured for Vigil (same settings, same defaults) in this process, for imports while
 * Vigil is not running.
 */
final class DirectKnowledgeImporter implements KnowledgeImporter {
  private final ConfigurableApplicationContext context;
  private final KnowledgeIndex index;

  /** Only the configuration the knowledge index needs: no web server, no Temporal. */
  @SpringBootConfiguration
  @EnableConfigurationProperties({VigilProperties.class, KnowledgeProperties.class})
  @Import(KnowledgeConfiguration.class)
  static class KnowledgeOnly {}

  DirectKnowledgeImporter() {
    this.context = new SpringApplicationBuilder(KnowledgeOnly.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties("vigil.cli=true", "spring.main.banner-mode=off", "logging.level.root=WARN")
        .run();
    this.index = context.getBean(KnowledgeIndex.class);
  }

  @Override
  public BulkResult write(List<KnowledgeEntry> batch, String source) {
    return index.bulkUpsert(batch);
  }

  @Override
  public String destination() {
    return index.health();
  }

  @Override
  public void close() {
    context.close();
  }
}
