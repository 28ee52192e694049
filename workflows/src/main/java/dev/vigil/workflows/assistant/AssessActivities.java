package dev.vigil.workflows.assistant;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The assistant's whole turn as one activity: risk rules, then identify and rewrite, then retrieve and answer. One
 * call, one round trip through Temporal: a local activity in the workflow's worker when no LLM is configured (the
 * steps take milliseconds), a normal activity on the heavy queue otherwise.
 */
@ActivityInterface
public interface AssessActivities {

  @ActivityMethod
  Assessment assess(AssessRequest request);
}
