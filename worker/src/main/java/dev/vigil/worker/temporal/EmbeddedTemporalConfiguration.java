package dev.vigil.worker.temporal;

import dev.vigil.client.temporal.TemporalProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The embedded default: with no {@code vigil.temporal.target}, this process runs its own Temporal dev server. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedTemporalConfiguration.NoTargetConfigured.class)
public class EmbeddedTemporalConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
    return EmbeddedTemporalServer.start(properties.devBind(), properties.devPort());
  }

  /** Matches when no Temporal frontend is configured. */
  static final class NoTargetConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return context.getEnvironment().getProperty("vigil.temporal.target", "").isBlank();
    }
  }
}
