package dev.vigil.workflows.learning;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Port to the learning side effects; implemented in the activities module. */
@ActivityInterface
public interface LearningActivities {

  /** Durably records a closed ticket handed to learning. Idempotent: recording the same closing again overwrites it. */
  @ActivityMethod
  LearningOutcome recordClosedTicket(ClosedTicket ticket);
}
