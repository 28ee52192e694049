package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * The assistant's turn composed from its steps: the risk rules (their failure recorded, never fatal to the turn),
 * then identify and rewrite, then — for a turn to answer from knowledge — retrieve and answer. Pure composition:
 * the steps do the I/O.
 */
public final class ComposedAssessment implements AssessActivities {
  private final AssistantActivities assistant;
  private final RiskActivities risk;

  public ComposedAssessment(AssistantActivities assistant, RiskActivities risk) {
    this.assistant = assistant;
    this.risk = risk;
  }

  @Override
  public Assessment assess(AssessRequest request) {
    List<RiskMatch> risks = List.of();
    String riskFailure = null;
    try {
      risks = risk.evaluate(new RiskRequest(request.ticketId(), request.tenant(), request.customerId(),
          request.customerTurns()));
    } catch (RuntimeException e) {
      riskFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (!request.answer()) {
      return new Assessment(risks, riskFailure, null, null);
    }
    Understanding understanding = assistant.understand(new UnderstandRequest(request.ticketId(), request.tenant(),
        request.subject(), request.customerTurns(), request.product(), request.earlierTurns()));
    if (understanding.delivery() == Delivery.OFF || !understanding.kind().helpable()
        || understanding.kind() == TurnKind.STATUS_INQUIRY) {
      return new Assessment(risks, riskFailure, understanding, null);
    }
    Proposal proposal = assistant.propose(new ProposeRequest(request.ticketId(), understanding.query(),
        request.tenant(), request.product(), request.offeredAnswers(), request.citedBefore()));
    return new Assessment(risks, riskFailure, understanding, proposal);
  }
}
