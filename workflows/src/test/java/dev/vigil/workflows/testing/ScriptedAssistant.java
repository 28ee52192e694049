package dev.vigil.workflows.testing;

import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.assistant.AssessActivities;
import dev.vigil.workflows.assistant.AssessRequest;
import dev.vigil.workflows.assistant.Assessment;
import dev.vigil.workflows.assistant.AssistantActivities;
import dev.vigil.workflows.assistant.ComposedAssessment;
import dev.vigil.workflows.assistant.Delivery;
import dev.vigil.workflows.assistant.Proposal;
import dev.vigil.workflows.assistant.ProposalOutcome;
import dev.vigil.workflows.assistant.ProposeRequest;
import dev.vigil.workflows.assistant.RiskActivities;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.assistant.RiskRequest;
import dev.vigil.workflows.assistant.TurnKind;
import dev.vigil.workflows.assistant.UnderstandRequest;
import dev.vigil.workflows.assistant.Understanding;
import dev.vigil.workflows.ticket.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Assistant activities for workflow tests, with fixed rules: "thanks" is thanks, "update" a status inquiry,
 * anything else a question; only questions about passwords have knowledge (entry {@code faq-password}).
 */
public class ScriptedAssistant implements AssistantActivities, RiskActivities, AssessActivities {
  private final ComposedAssessment turn = new ComposedAssessment(this, this);

  /** The whole turn, composed from the scripted steps as production composes its own. */
  @Override
  public Assessment assess(AssessRequest request) {
    return turn.assess(request);
  }

  public final List<UnderstandRequest> understood = new CopyOnWriteArrayList<>();
  public final List<ProposeRequest> proposed = new CopyOnWriteArrayList<>();
  /** The delivery policy every tenant gets. */
  public volatile Delivery delivery = Delivery.SUGGEST;
  /** The confidence of the password answer; auto delivery needs at least 0.8. */
  public volatile double confidence = 0.85;

  /** One risk rule: "all our customers" is a P1 alert that raises the ticket to P1, quiet for an hour. */
  @Override
  public List<RiskMatch> evaluate(RiskRequest request) {
    boolean many = request.customerTurns().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("all our"));
    return many ? List.of(new RiskMatch("several-customers", AlertLevel.P1, "several customers affected", "\"all our\"",
        Duration.ofHours(1), dev.vigil.workflows.ticket.Priority.P1)) : List.of();
  }

  @Override
  public Understanding understand(UnderstandRequest request) {
    understood.add(request);
    String all = String.join(" ", request.customerTurns()).toLowerCase(Locale.ROOT);
    if (all.contains("thanks")) {
      return new Understanding(TurnKind.THANKS, null, "thanks: nothing to help with", delivery);
    }
    if (all.contains("update")) {
      return new Understanding(TurnKind.STATUS_INQUIRY, null, "status inquiry", delivery);
    }
    return new Understanding(TurnKind.QUESTION, all, "question", delivery);
  }

  @Override
  public Proposal propose(ProposeRequest request) {
    proposed.add(request);
    if (!request.query().contains("password")) {
      return new Proposal(ProposalOutcome.NO_KNOWLEDGE, null, List.of(), 0.2, "no knowledge above threshold");
    }
    if (request.citedBefore().contains("faq-password")) {
      return new Proposal(ProposalOutcome.REPEAT, null, List.of("faq-password"), 0.8,
          "repeat: faq-password was already offered on this ticket");
    }
    boolean auto = delivery == Delivery.AUTO && confidence >= 0.8;
    return new Proposal(ProposalOutcome.ANSWER, "Open Settings > Security and choose Reset password.",
        List.of("faq-password"), confidence, "best match faq-password", auto ? Delivery.AUTO
        : Delivery.SUGGEST, auto ? Duration.ofMinutes(5) : null);
  }
}
