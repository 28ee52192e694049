package dev.vigil.starter.runs;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;

/** Answers from Temporal that mean the run is already where the caller wants it, and the calls that rely on them. */
final class RunErrors {
  private RunErrors() {}

  /** Not found (deleted, never existed) or not running any more (terminating a closed run). */
  static boolean alreadyGone(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    return code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION;
  }

  /** Terminates {@code execution} (its run id empty: the current run); a run already gone or closed is fine. */
  static void terminate(WorkflowServiceStubs stubs, String namespace, WorkflowExecution execution, String reason) {
    try {
      stubs.blockingStub().terminateWorkflowExecution(TerminateWorkflowExecutionRequest.newBuilder()
          .setNamespace(namespace)
          .setWorkflowExecution(execution)
          .setReason(reason)
          .build());
    } catch (StatusRuntimeException e) {
      if (!alreadyGone(e)) {
        throw e;
      }
    }
  }
}
