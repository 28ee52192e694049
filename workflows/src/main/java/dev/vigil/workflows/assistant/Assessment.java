package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * What the assistant's turn found.
 *
 * @param risks the risk rules that matched
 * @param riskFailure why the risk rules could not run, or null
 * @param understanding identify and rewrite, or null when no answer was looked for
 * @param proposal retrieve and answer, or null when the turn is not one to answer from knowledge (nothing to help
 *     with, a status inquiry, the assistant off for the tenant)
 */
public record Assessment(List<RiskMatch> risks, String riskFailure, Understanding understanding, Proposal proposal) {

  public Assessment {
    risks = List.copyOf(risks);
  }
}
