package dev.vigil.workflows.assistant;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Port to the proactive pipeline's steps; implemented (no-LLM rules and retrieval) in the activities module. */
@ActivityInterface
public interface AssistantActivities {

  /** Identify and rewrite: is this something Vigil can help with, and what is the standalone question? */
  @ActivityMethod
  Understanding understand(UnderstandRequest request);

  /** Retrieve, answer and suppress repeats: an answer with citations from the knowledge index, or why not. */
  @ActivityMethod
  Proposal propose(ProposeRequest request);
}
