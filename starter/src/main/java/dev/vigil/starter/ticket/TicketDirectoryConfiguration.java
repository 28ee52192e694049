package dev.vigil.starter.ticket;

import dev.vigil.client.temporal.TemporalProperties;
import dev.vigil.starter.runs.WorkflowRuns;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses how tickets are listed — visibility queries on a cluster, the legacy lists on the dev server — limited to
 * the tenants of whoever lists them.
 */
@Configuration(proxyBeanMethods = false)
class TicketDirectoryConfiguration {
  private static final int DEV_SERVER_SCAN_LIMIT = 5_000;

  @Bean
  TicketDirectory ticketDirectory(TemporalProperties temporal, WorkflowClient client, WorkflowServiceStubs stubs,
      WorkflowRuns runs) {
    TicketDirectory all = temporal.advancedVisibility()
        ? new VisibilityTicketDirectory(client)
        : new BasicTicketDirectory(stubs, temporal.namespace(), DEV_SERVER_SCAN_LIMIT,
            client.getOptions().getDataConverter());
    return new ScopedTicketDirectory(new WithoutRemovedRuns(all, runs));
  }
}
