package dev.vigil.starter.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The visibility queries that find runs on a Temporal cluster (the dev server has no visibility queries). */
class ClusterWorkflowRunsTest {

  @Test
  void queriesNameTheWorkflowTypeAndQuoteValues() {
    assertThat(ClusterWorkflowRuns.customerQuery("acme", "3f2a"))
        .isEqualTo("WorkflowType = 'TicketWorkflow' AND VigilCustomer = '3f2a' AND VigilTenant = 'acme'");
    assertThat(ClusterWorkflowRuns.customerQuery(null, "3f2a"))
        .isEqualTo("WorkflowType = 'TicketWorkflow' AND VigilCustomer = '3f2a' AND VigilTenant IS NULL");
    assertThat(ClusterWorkflowRuns.customerQuery("o'brien", "k")).contains("VigilTenant = 'o\\'brien'");
    assertThat(ClusterWorkflowRuns.closedBeforeQuery(Instant.parse("2026-11-01T00:00:00Z")))
        .isEqualTo("WorkflowType = 'TicketWorkflow' AND ExecutionStatus != 'Running'"
            + " AND ExecutionStatus != 'ContinuedAsNew' AND CloseTime < '2026-11-01T00:00:00Z'");
    assertThat(ClusterWorkflowRuns.learningQuery("ticket:zendesk:42"))
        .isEqualTo("WorkflowType = 'LearningWorkflow' AND WorkflowId STARTS_WITH 'learning:zendesk:42:'");
  }
}
