package dev.vigil.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workflows.assistant.AlertLevel;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.testing.TicketEvents;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The ticket stays within Temporal's limits for anything the webhook accepts: the view (the query answer) under
 * 1 MiB and the continue-as-new input under 512 KiB, measured as Temporal serialises them.
 */
class TicketBudgetTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final int MIB = 1024 * 1024;

  private final TicketSettings settings = TicketSettings.defaults();
  private final TicketEvents events = new TicketEvents("BIG-1");

  @Test
  void givenAThousandHugeMessages_fiveHundredSuggestionsAndTwoThousandEvents_theTicketStaysWithinItsBudget() {
    TicketState state = TicketState.open("ticket:desk:BIG-1", "BIG-1", T0, settings);
    String huge = "x".repeat(32_000);
    String hugeWide = "界".repeat(32_000); // three bytes each in UTF-8
    state.apply(new TicketEvent("created", TicketEventType.CREATED, T0, new TicketFacts("BIG-1", "s".repeat(500),
        "d".repeat(20_000), Priority.P2, "storage", new Customer("c", "acme", "Ada", "ada@example.com")), null, null,
        null, null), T0, true);
    int applied = 1;
    for (int i = 0; i < 1_000; i++) {
      Instant at = T0.plusSeconds(i);
      TicketEvent message = i % 2 == 0 ? events.customerSays("m" + i, (i % 4 == 0 ? hugeWide : huge))
          : events.analystSays("m" + i, huge);
      state.apply(message, at, true);
      applied++;
      state.decide(at, DecisionKind.IDENTIFIED, "identify: question ".repeat(30), "because ".repeat(300));
    }
    for (int i = 0; i < 500; i++) {
      state.offer(hugeWide, IntStream.range(0, 40).mapToObj(c -> "kb-" + c).toList(), 0.9, SuggestionState.OFFERED,
          T0.plusSeconds(2_000 + i));
    }
    for (int i = 0; applied < 2_000; i++, applied++) {
      Instant at = T0.plusSeconds(3_000 + i);
      TicketEvent event = switch (i % 3) {
        case 0 -> events.assigned("a-" + i, "n".repeat(200));
        case 1 -> events.priority(i % 2 == 0 ? Priority.P1 : Priority.P3);
        default -> events.customerSays("late-" + i, huge);
      };
      state.apply(event, at, true);
    }
    for (int i = 0; i < 120; i++) {
      state.raiseAlert(new RiskMatch("rule-" + i, AlertLevel.P1, "e".repeat(2_000), "v".repeat(5_000), Duration.ofHours(1),
          null), T0.plusSeconds(6_000 + i));
    }
    for (int i = 0; i < 100; i++) {
      state.outbox().add(new Outbox.PendingSend(new OutboundMessage("ticket:desk:BIG-1/k" + i, "BIG-1",
          OutboundKind.ANSWER, Audience.CUSTOMER, huge, "S" + i, T0), T0.plus(Duration.ofDays(1))));
    }

    TicketView view = state.view();
    Payload viewPayload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(view).orElseThrow();
    Payload carried = DefaultDataConverter.STANDARD_INSTANCE.toPayload(
        new TicketWorkflowInput("BIG-1", settings, state)).orElseThrow();
    System.out.printf("RESULT view_bytes=%d continue_as_new_bytes=%d messages=%d messages_dropped=%d%n",
        viewPayload.getSerializedSize(), carried.getSerializedSize(), view.messages().size(),
        view.messagesDropped());
    assertThat(viewPayload.getSerializedSize()).isLessThan(MIB);
    assertThat(carried.getSerializedSize()).isLessThan(512 * 1024);

    assertThat(view.eventsApplied()).isEqualTo(2_000);
    assertThat(view.messages()).last().extracting(Message::id).isEqualTo("late-" + 998);
    assertThat(view.messages().size() + view.messagesDropped()).isEqualTo(1_000 + 333);
    assertThat(view.messages()).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(
        TicketBudget.MESSAGE_CHARS));
    assertThat(view.suggestions()).last().extracting(Suggestion::id).isEqualTo("S500");
    assertThat(view.suggestions().size() + view.suggestionsDropped()).isEqualTo(500);
    assertThat(view.suggestions().get(0).citations()).hasSize(TicketBudget.SUGGESTION_CITATIONS);
    assertThat(view.decisionsDropped()).isPositive();
    assertThat(view.timelineDropped()).isPositive();
    assertThat(view.alerts()).last().extracting(Alert::ruleId).isEqualTo("rule-119");
    assertThat(view.alerts().size() + view.alertsDropped()).isEqualTo(120);
    assertThat(view.description()).hasSizeLessThanOrEqualTo(TicketBudget.DESCRIPTION_CHARS);
    assertThat(state.outbox().pending()).last().extracting(Outbox.PendingSend::key)
        .isEqualTo("ticket:desk:BIG-1/k99");
    assertThat(state.outbox().abandoned()).isPositive();

    // the carried state is whole after the trip through Temporal's converter
    TicketWorkflowInput back = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(carried, TicketWorkflowInput.class,
        TicketWorkflowInput.class);
    assertThat(back.carried().view()).isEqualTo(view);
    assertThat(back.carried().outbox().pending()).isEqualTo(state.outbox().pending());
    TicketEvent firstMessage = events.customerSays("m0", "again");
    assertThat(back.carried().apply(TicketEvents.withId(firstMessage, "created"), T0).duplicate())
        .as("event ids are remembered across the trip").isTrue();
  }

  @Test
  void textsAreCutSayingHowMuch_andCostWhatTheyWeighInJson() {
    assertThat(Texts.cap("short", 10)).isEqualTo("short");
    String cut = Texts.cap("y".repeat(1_000), 100);
    assertThat(cut).hasSizeLessThanOrEqualTo(100).endsWith("[900 characters cut]");
    assertThat(Texts.cost("abc")).isEqualTo(5);
    assertThat(Texts.cost("界")).isEqualTo(5);
    assertThat(Texts.cost("\n")).isEqualTo(8);
  }

  @Test
  void boundedListsDropTheOldestFirst_neverTheNewest() {
    List<String> items = new ArrayList<>(List.of("a", "bb", "ccc", "d".repeat(50)));
    assertThat(Bounded.trim(items, 3, 1_000, String::length)).isEqualTo(1);
    assertThat(items).containsExactly("bb", "ccc", "d".repeat(50));
    assertThat(Bounded.trim(items, 10, 10, String::length)).isEqualTo(2);
    assertThat(items).containsExactly("d".repeat(50));
  }
}
