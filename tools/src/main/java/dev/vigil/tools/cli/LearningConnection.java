package dev.vigil.tools.cli;

import dev.vigil.client.temporal.PayloadKeySource;
import dev.vigil.worker.VigilWorkerApplication;
import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.codec.PayloadKeys;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where backfilled tickets are learned: the configured Temporal cluster (its workers learn), the running embedded
 * Vigil's dev server (its worker learns, into its index), or, when neither is there, a worker started in this
 * process on the local knowledge index for the duration of the import.
 */
final class LearningConnection implements AutoCloseable {
  private final WorkflowClient client;
  private final String description;
  private final AutoCloseable resources;

  private LearningConnection(WorkflowClient client, String description, AutoCloseable resources) {
    this.client = client;
    this.description = description;
    this.resources = resources;
  }

  static LearningConnection open(String temporalTarget, String namespace, boolean localVigilRunning,
      String devServer) {
    if (temporalTarget != null && !temporalTarget.isBlank()) {
      return connect(temporalTarget, namespace, "the Temporal cluster at " + temporalTarget, false);
    }
    if (localVigilRunning) {
      return connect(devServer, namespace, "the running Vigil (dev server " + devServer + ")", true);
    }
    ConfigurableApplicationContext worker = new SpringApplicationBuilder(VigilWorkerApplication.class)
        .web(WebApplicationType.NONE)
        .properties("vigil.temporal.dev-port=0", "spring.main.banner-mode=off")
        .logStartupInfo(false)
        .run();
    return new LearningConnection(worker.getBean(WorkflowClient.class), "a worker in this process (local index)",
        worker::close);
  }

  private static LearningConnection connect(String target, String namespace, String description, boolean embedded) {
    // the running Vigil's own keys: VIGIL_PAYLOAD_KEYS / _FILE, or the embedded mode's generated file
    PayloadKeys keys = PayloadKeySource.resolve(System.getenv("VIGIL_PAYLOAD_KEYS"),
        blankToNull(System.getenv("VIGIL_PAYLOAD_KEY_FILE")), embedded, CliEnvironment.dataDir());
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
        .setNamespace(namespace)
        .setDataConverter(EncryptionCodec.dataConverter(keys))
        .build());
    return new LearningConnection(client, description, stubs::shutdown);
  }

  WorkflowClient client() {
    return client;
  }

  String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not shut down cleanly: " + e.getMessage(), e);
    }
  }

  private static java.nio.file.Path blankToNull(String path) {
    return path == null || path.isBlank() ? null : java.nio.file.Path.of(path);
  }
}
