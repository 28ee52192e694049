package dev.vigil.workflows.shared;

/** Names of the Temporal task queues Vigil's workers poll. */
public final class TaskQueues {
  /** Ticket and learning workflows and their activities. */
  public static final String TICKETS = "vigil-tickets";

  private TaskQueues() {}
}
