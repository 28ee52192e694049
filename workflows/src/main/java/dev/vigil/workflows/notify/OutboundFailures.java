package dev.vigil.workflows.notify;

/** Failure types of outbound sends, as {@code ApplicationFailure} types. */
public final class OutboundFailures {
  /** The receiver refused the message (a 4xx other than 408/429): retrying cannot help. */
  public static final String REJECTED = "OutboundRejected";

  private OutboundFailures() {}
}
