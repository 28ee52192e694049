package dev.vigil.starter.runs;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Answers from Temporal that mean the run is already where the caller wants it. */
final class RunErrors {
  private RunErrors() {}

  /** Not found (deleted, never existed) or not running any more (terminating a closed run). */
  static boolean alreadyGone(StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    return code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION;
  }
}
