package dev.vigil.workflows.assistant;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Port to the interest and risk rules (regex and semantic, configured per deployment). */
@ActivityInterface
public interface RiskActivities {

  /** Every rule the turns match; the workflow applies silence windows and raises alerts. */
  @ActivityMethod
  List<RiskMatch> evaluate(RiskRequest request);
}
