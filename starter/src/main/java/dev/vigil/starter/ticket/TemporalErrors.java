package dev.vigil.starter.ticket;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.function.Supplier;

/** Classifies errors from the Temporal client by the gRPC status underneath them. */
public final class TemporalErrors {
  private static final Set<Status.Code> UNAVAILABLE = Set.of(
      Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

  private TemporalErrors() {}

  static Status.Code statusOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s) {
        return s.getStatus().getCode();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * Whether the server could not be reached or did not answer, so a retry may succeed. An answer too large for gRPC
   * (also RESOURCE_EXHAUSTED) is not an outage: retrying cannot help, so it is not reported as one.
   */
  static boolean isUnavailable(Throwable error) {
    Status.Code code = statusOf(error);
    return code != null && UNAVAILABLE.contains(code) && !isTooLarge(error);
  }

  /** Whether gRPC refused a message for its size. */
  static boolean isTooLarge(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED) {
        String description = s.getStatus().getDescription();
        return description != null && (description.contains("exceeds maximum") || description.contains("larger than"));
      }
    }
    return false;
  }

  /** Runs a call, turning "Temporal unreachable or too slow" into {@link TicketExceptions.TemporalUnavailable}. */
  public static <T> T translating(Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      if (isUnavailable(e)) {
        throw new TicketExceptions.TemporalUnavailable(e);
      }
      throw e;
    }
  }

  static boolean isNotFound(Throwable error) {
    return statusOf(error) == Status.Code.NOT_FOUND;
  }
}
