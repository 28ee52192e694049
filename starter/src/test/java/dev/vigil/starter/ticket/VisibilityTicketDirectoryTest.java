package dev.vigil.starter.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The visibility query the tickets list sends to a Temporal cluster (the dev server has no visibility queries). */
class VisibilityTicketDirectoryTest {

  @Test
  void filtersBecomeSearchAttributeClauses_andValuesAreQuoted() {
    assertThat(VisibilityTicketDirectory.query(new TicketFilter(null, null, null, null, 10)))
        .isEqualTo("WorkflowType = 'TicketWorkflow' AND ExecutionStatus != 'ContinuedAsNew'");
    assertThat(VisibilityTicketDirectory.query(new TicketFilter("escalated", "P1", "o'brien", "acme", 10)))
        .isEqualTo("WorkflowType = 'TicketWorkflow' AND ExecutionStatus != 'ContinuedAsNew'"
            + " AND VigilStatus = 'escalated' AND VigilPriority = 'P1' AND VigilAssignee = 'o\\'brien'"
            + " AND VigilTenant = 'acme'");
  }
}
