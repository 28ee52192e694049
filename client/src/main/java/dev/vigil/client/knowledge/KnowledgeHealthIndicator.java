package dev.vigil.client.knowledge;

import dev.vigil.activities.knowledge.KnowledgeIndex;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Reports the knowledge index (Elasticsearch cluster health, or the Lucene index) in {@code /actuator/health}. */
@Component("knowledge")
public class KnowledgeHealthIndicator extends AbstractHealthIndicator {
  private final KnowledgeIndex index;

  public KnowledgeHealthIndicator(KnowledgeIndex index) {
    super("knowledge index unavailable");
    this.index = index;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("index", index.health());
  }
}
