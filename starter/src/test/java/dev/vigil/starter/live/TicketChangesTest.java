package dev.vigil.starter.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.ticket.Decision;
import dev.vigil.workflows.ticket.DecisionKind;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.SuggestionState;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketChangesTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Message ASKED = new Message("m1", Role.CUSTOMER, "Ada", "How do I rotate keys?", T0, "e1",
      T0);
  private static final Suggestion OFFERED = new Suggestion("S1", "Open settings.", List.of("faq-1"), 0.8,
      SuggestionState.OFFERED, T0, null, null, null);

  private static TicketView base() {
    return Views.view(TicketStatus.ESCALATED, T0, List.of(ASKED), List.of(OFFERED),
        List.of(new Decision(T0, DecisionKind.SUGGESTED, "suggested S1 to the analyst", "best match faq-1")),
        List.of());
  }

  @Test
  void aPageThatJustSubscribedRefreshesEverySection() {
    assertThat(TicketChanges.parts(null, base())).containsExactly(TicketChanges.FACTS, TicketChanges.CONVERSATION,
        TicketChanges.SUGGESTIONS, TicketChanges.DECISIONS);
    assertThat(TicketChanges.parts(base(), base())).isEmpty();
  }

  @Test
  void onlyTheSectionsThatChangedAreNamed() {
    TicketView before = base();
    TicketView decided = Views.view(TicketStatus.ESCALATED, T0, List.of(ASKED), List.of(OFFERED),
        List.of(before.decisions().get(0), new Decision(T0, DecisionKind.SILENT, "silent",
            "thanks: nothing to help with")), List.of());
    assertThat(TicketChanges.parts(before, decided)).containsExactly(TicketChanges.DECISIONS);

    Suggestion adopted = new Suggestion("S1", "Open settings.", List.of("faq-1"), 0.8, SuggestionState.ADOPTED, T0,
        null, "andy", T0);
    Message sent = new Message("vigil-S1", Role.ANALYST, "andy", "Open settings.", T0, "ui:k", T0);
    TicketView after = Views.view(TicketStatus.WAITING_ON_CUSTOMER, T0, List.of(ASKED, sent), List.of(adopted),
        before.decisions(), List.of());
    assertThat(TicketChanges.parts(before, after)).containsExactly(TicketChanges.FACTS, TicketChanges.CONVERSATION,
        TicketChanges.SUGGESTIONS);
    assertThat(TicketChanges.newMessages(before, after)).containsExactly(sent);
    assertThat(sent.sentByVigil()).isTrue();
    assertThat(ASKED.sentByVigil()).isFalse();
  }

  @Test
  void theCustomerSeesStatusAndRepliesButNotTheInternals() {
    TicketView before = base();
    TicketView internal = Views.view(TicketStatus.ESCALATED, T0, List.of(ASKED), List.of(),
        List.of(new Decision(T0, DecisionKind.SILENT, "silent", "internal reasoning")), List.of());
    assertThat(TicketChanges.customerVisibleChanged(before, internal)).as("suggestions and decisions").isFalse();
    assertThat(TicketChanges.customerVisibleChanged(before, Views.with(before, TicketStatus.RESOLVED))).isTrue();
    Message update = new Message("progress-1", Role.VIGIL, "Vigil", "An analyst is on it.", T0, null, T0);
    TicketView updated = Views.view(TicketStatus.ESCALATED, T0, List.of(ASKED, update), List.of(OFFERED),
        before.decisions(), List.of());
    assertThat(TicketChanges.customerVisibleChanged(before, updated)).isTrue();
    assertThat(TicketChanges.repliesOf(updated)).containsExactly(update);
  }
}
