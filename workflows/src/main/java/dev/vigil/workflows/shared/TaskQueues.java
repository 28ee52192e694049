package dev.vigil.workflows.shared;

/** Names of the Temporal task queues Vigil's workers poll. */
public final class TaskQueues {
  /**
   * Ticket and learning workflows, the outbound sends, and the assistant's turn when it runs as a local activity (no
   * LLM): the work that must never wait behind heavy activities.
   */
  public static final String TICKETS = "vigil-tickets";
  /**
   * The heavy activities — learning, and the assistant's turn when an LLM is configured — on their own queue and
   * slot budget, so workflow tasks (timers above all) are never starved by them.
   */
  public static final String HEAVY = "vigil-heavy";

  private TaskQueues() {}
}
