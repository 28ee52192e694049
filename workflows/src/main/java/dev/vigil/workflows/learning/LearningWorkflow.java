package dev.vigil.workflows.learning;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Learns from a closed ticket; started as an abandoned child of the ticket workflow, so it outlives that run. */
@WorkflowInterface
public interface LearningWorkflow {

  @WorkflowMethod
  LearningOutcome learn(ClosedTicket ticket);

  /** The closed ticket this run was given. */
  @QueryMethod
  ClosedTicket ticket();
}
