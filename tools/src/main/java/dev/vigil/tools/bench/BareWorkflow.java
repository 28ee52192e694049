package dev.vigil.tools.bench;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The irreducible Temporal part of a ticket's path, for the benchmark: signal-with-start, then a query sees it. */
@WorkflowInterface
public interface BareWorkflow {

  @WorkflowMethod
  void run();

  @SignalMethod
  void poke();

  @QueryMethod
  int pokes();

  /** Counts signals; ends after the first, as an empty workflow would. */
  class Impl implements BareWorkflow {
    private int pokes;

    @Override
    public void run() {
      Workflow.await(() -> pokes > 0);
    }

    @Override
    public void poke() {
      pokes++;
    }

    @Override
    public int pokes() {
      return pokes;
    }
  }
}
