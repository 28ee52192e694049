package dev.vigil.starter.runs;

import dev.vigil.client.VigilProperties;
import dev.vigil.client.temporal.TemporalProperties;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs are deleted on a cluster (visibility queries find them) and forgotten on the in-process dev server. */
@Configuration(proxyBeanMethods = false)
class WorkflowRunsConfiguration {

  @Bean
  WorkflowRuns workflowRuns(TemporalProperties temporal, WorkflowServiceStubs stubs, VigilProperties vigil) {
    return temporal.advancedVisibility()
        ? new ClusterWorkflowRuns(stubs, temporal.namespace())
        : new DevServerWorkflowRuns(stubs, temporal.namespace(),
            new RemovedRuns(vigil.dataDir().resolve("temporal").resolve("removed-runs.tsv")));
  }
}
