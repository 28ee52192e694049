package dev.vigil.workflows.learning;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * Learns from a closed ticket: redact, review Vigil's own answers, extract, de-duplicate and write. Started as an
 * abandoned child of the ticket workflow (so it outlives that run) and by the backfill of historical tickets.
 */
@WorkflowInterface
public interface LearningWorkflow {

  @WorkflowMethod
  LearningOutcome learn(ClosedTicket ticket);

  /** The changes made so far, in order (operators watch a run with it). */
  @QueryMethod
  List<KnowledgeChange> changes();
}
