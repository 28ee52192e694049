package dev.vigil.worker.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Temporal client side: the embedded dev server when no target is configured, the stubs and the client. */
@Configuration(proxyBeanMethods = false)
public class TemporalConnection {

  @Bean(destroyMethod = "close")
  EmbeddedTemporalServerHolder embeddedTemporalServer(TemporalProperties properties) {
    return new EmbeddedTemporalServerHolder(
        properties.embedded() ? Optional.of(EmbeddedTemporalServer.start(properties.devBind(), properties.devPort())) : Optional.empty());
  }

  /** Temporal SDK metrics, and the counters workflows emit, reported to Micrometer (Prometheus, actuator). */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry meters) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(meters))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(2));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties, EmbeddedTemporalServerHolder embedded,
      Scope temporalMetricsScope) {
    String target = embedded.server().map(EmbeddedTemporalServer::target).orElse(properties.target());
    // Bounded retries: a caller such as the webhook must learn quickly that Temporal is down (and answer 503).
    RpcRetryOptions retries = RpcRetryOptions.newBuilder()
        .setExpiration(properties.rpcTimeout())
        .validateBuildWithDefaults();
    return WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget(target)
        .setRpcTimeout(properties.rpcTimeout())
        .setRpcRetryOptions(retries)
        .setMetricsScope(temporalMetricsScope)
        .build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
    return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(properties.namespace())
        .build());
  }

  @Bean(destroyMethod = "shutdown")
  OperatorServiceStubs operatorServiceStubs(WorkflowServiceStubs stubs) {
    return OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
        .setChannel(stubs.getRawChannel())
        .validateAndBuildWithDefaults());
  }

  /** Holds the dev server when Vigil runs embedded, so its life is tied to the application context. */
  public record EmbeddedTemporalServerHolder(Optional<EmbeddedTemporalServer> server) implements AutoCloseable {
    @Override
    public void close() {
      server.ifPresent(EmbeddedTemporalServer::close);
    }
  }

}
