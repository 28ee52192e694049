package dev.vigil.client.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.vigil.client.VigilProperties;
import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.codec.PayloadKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Temporal client side of every Vigil process: the service stubs, the workflow client and the operator stubs,
 * dialling the configured cluster or, when this process runs one, its embedded dev server.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalConnection {

  /** Temporal SDK metrics, and the counters workflows emit, reported to Micrometer (Prometheus, actuator). */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry meters) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(meters))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(2));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties, ObjectProvider<LocalTemporalServer> local,
      Scope temporalMetricsScope) {
    LocalTemporalServer server = local.getIfAvailable();
    if (server == null && properties.embedded()) {
      throw new IllegalStateException("VIGIL_TEMPORAL_TARGET is not set and this process runs no embedded Temporal "
          + "dev server: set it to the host:port of your Temporal frontend");
    }
    String target = server != null ? server.target() : properties.target();
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

  /** The keys every payload this process gives Temporal is encrypted with (workers use the same client). */
  @Bean
  PayloadKeys payloadKeys(TemporalProperties properties, VigilProperties vigil, ObjectProvider<LocalTemporalServer> local) {
    return PayloadKeySource.resolve(properties.payloadKeys(), properties.payloadKeyFile(),
        local.getIfAvailable() != null, vigil.dataDir());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties, PayloadKeys keys) {
    return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(properties.namespace())
        .setDataConverter(EncryptionCodec.dataConverter(keys))
        .build());
  }

  @Bean(destroyMethod = "shutdown")
  OperatorServiceStubs operatorServiceStubs(WorkflowServiceStubs stubs) {
    return OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
        .setChannel(stubs.getRawChannel())
        .validateAndBuildWithDefaults());
  }
}
