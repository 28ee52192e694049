package dev.vigil.starter.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.vigil.starter.config.UiProperties;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketWatchTest {
  private static final TicketView OPEN = Views.view(TicketStatus.ESCALATED, Instant.parse("2026-11-27T10:00:00Z"),
      List.of(), List.of(), List.of(), List.of());
  private static final UiProperties UI = new UiProperties(Duration.ofMillis(500), Duration.ofSeconds(2), "", "", 500);

  private final TicketService tickets = mock(TicketService.class);
  private final TicketWatch watch = new TicketWatch(tickets, UI);
  private final List<TicketView[]> rendered = new ArrayList<>();

  private TicketWatch.Renderer recorder() {
    return (before, after) -> {
      rendered.add(new TicketView[] {before, after});
      return List.of();
    };
  }

  @Test
  void aPageShowingTheCurrentViewGetsNothingUntilTheTicketChanges() {
    when(tickets.view("desk", "T-1")).thenReturn(OPEN);
    watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, OPEN.hashCode(), recorder());
    watch.poll(false);
    assertThat(rendered).hasSize(1);
    assertThat(rendered.get(0)[0]).as("before = what the page shows").isEqualTo(OPEN);

    TicketView resolved = Views.with(OPEN, TicketStatus.RESOLVED);
    when(tickets.view("desk", "T-1")).thenReturn(resolved);
    watch.poll(false);
    assertThat(rendered.get(1)[0]).isEqualTo(OPEN);
    assertThat(rendered.get(1)[1]).isEqualTo(resolved);
  }

  @Test
  void aPageRenderedFromAnOlderViewRefreshesEverything() {
    when(tickets.view("desk", "T-1")).thenReturn(Views.with(OPEN, TicketStatus.RESOLVED));
    watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, OPEN.hashCode(), recorder());
    watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, null, recorder());
    watch.poll(false);
    assertThat(rendered).hasSize(2).allSatisfy(pair -> assertThat(pair[0]).isNull());
    verify(tickets, times(1)).view("desk", "T-1"); // one query per watched ticket, however many pages
  }

  @Test
  void aTicketThatCannotBeReadIsTriedAgainAtTheNextPoll() {
    when(tickets.view("desk", "T-1")).thenThrow(new TicketExceptions.TemporalUnavailable(new RuntimeException("down")))
        .thenReturn(OPEN);
    watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, null, recorder());
    watch.poll(false);
    assertThat(rendered).isEmpty();
    watch.poll(false);
    assertThat(rendered).hasSize(1);
    assertThat(watch.watchedTickets()).containsExactly("ticket:desk:T-1");

    when(tickets.view("desk", "T-1")).thenThrow(new TicketExceptions.TicketNotFound("T-1"));
    watch.poll(false);
    assertThat(watch.watchedTickets()).as("a ticket whose run is gone is no longer asked for").isEmpty();
  }

  @Test
  void customersStatusPagesCannotTakeTheAnalystsPlaces() {
    for (int i = 0; i < TicketWatch.Audience.CUSTOMERS.maxPerTicket(); i++) {
      watch.subscribe("desk", "T-1", TicketWatch.Audience.CUSTOMERS, null, recorder());
    }
    assertThatThrownBy(() -> watch.subscribe("desk", "T-1", TicketWatch.Audience.CUSTOMERS, null, recorder()))
        .isInstanceOf(TicketWatch.TooManyStreams.class).hasMessageContaining("status pages");

    for (int i = 0; i < TicketWatch.Audience.ANALYSTS.maxPerTicket(); i++) {
      watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, null, recorder());
    }
    assertThatThrownBy(() -> watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, null, recorder()))
        .isInstanceOf(TicketWatch.TooManyStreams.class).hasMessageContaining("ticket pages");
    assertThat(watch.watchedTickets()).containsExactly("ticket:desk:T-1");
  }

  @Test
  void theSameIdInTwoSystemsIsTwoTickets_eachReadFromItsOwnSystem() {
    TicketView zendesk = Views.with(OPEN, TicketStatus.RESOLVED);
    when(tickets.view("desk", "T-1")).thenReturn(OPEN);
    when(tickets.view("zendesk", "T-1")).thenReturn(zendesk);
    List<TicketView> seenByZendeskPage = new ArrayList<>();
    watch.subscribe("desk", "T-1", TicketWatch.Audience.ANALYSTS, OPEN.hashCode(), recorder());
    watch.subscribe("zendesk", "T-1", TicketWatch.Audience.ANALYSTS, null, (before, after) -> {
      seenByZendeskPage.add(after);
      return List.of();
    });
    watch.poll(false);

    assertThat(watch.watchedTickets()).containsExactlyInAnyOrder("ticket:desk:T-1", "ticket:zendesk:T-1");
    assertThat(rendered).singleElement().satisfies(r -> assertThat(r[1]).isEqualTo(OPEN));
    assertThat(seenByZendeskPage).containsExactly(zendesk);
  }
}
