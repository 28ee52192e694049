package dev.vigil.starter.ticket;

import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets over REST: list, read, and the analyst actions, each applied to the ticket's workflow as an update. An
 * {@code Idempotency-Key} header makes a retried action apply once.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Read tickets and act on them as an analyst")
@SecurityRequirement(name = "basic")
public class TicketController {
  private static final String SOURCE_PARAM = "the ticketing system the ticket id belongs to, e.g. zendesk; "
      + "default VIGIL_TICKET_SOURCE";

  private final TicketService tickets;
  private final TicketActions actions;
  private final TicketDirectory directory;

  public TicketController(TicketService tickets, TicketActions actions, TicketDirectory directory) {
    this.tickets = tickets;
    this.actions = actions;
    this.directory = directory;
  }

  /** The tickets list and which listing mechanism produced it. */
  public record TicketList(List<TicketSummary> tickets, String listedBy) {}

  @GetMapping
  @Operation(summary = "List tickets", description = "Newest first; filters combine with AND.")
  public TicketList list(
      @Parameter(description = "new, triaged, escalated, waiting_on_customer, resolved, closed")
      @RequestParam(required = false) String status,
      @Parameter(description = "P1..P4") @RequestParam(required = false) String priority,
      @Parameter(description = "analyst id") @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String tenant,
      @RequestParam(defaultValue = "100") int limit,
      @Parameter(description = "the ticketing system, e.g. zendesk; absent lists every source")
      @RequestParam(required = false) String source) {
    TicketFilter filter = TicketFilter.of(status, priority, assignee, tenant, limit, source);
    return new TicketList(directory.list(filter), directory.mechanism());
  }

  @GetMapping("/{ticketId}")
  @Operation(summary = "Read a ticket", description = "The workflow's view, with its learning run once closed.")
  public TicketDetails get(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source) {
    return tickets.details(tickets.source(source), TicketActions.checked(ticketId));
  }

  @PostMapping("/{ticketId}/summary")
  @Operation(summary = "Summarise the ticket", description = "Overview, decisions so far, open items with owners.")
  public CaseSummary summarize(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source) {
    return tickets.summarize(tickets.source(source), TicketActions.checked(ticketId));
  }

  @PostMapping("/{ticketId}/messages")
  @Operation(summary = "Post an analyst message to the customer")
  public TicketView postMessage(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @Valid @RequestBody AnalystActions.PostMessage body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).postMessage(ticketId, body.text(), actor(user, key));
  }

  @PostMapping("/{ticketId}/assignee")
  @Operation(summary = "Assign the ticket to an analyst")
  public TicketView assign(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @Valid @RequestBody AnalystActions.Assign body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).assign(ticketId, new Analyst(body.analystId(), body.name()), actor(user, key));
  }

  @PostMapping("/{ticketId}/priority")
  @Operation(summary = "Change the ticket's priority")
  public TicketView changePriority(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source,
      @Valid @RequestBody AnalystActions.ChangePriority body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).changePriority(ticketId, body.priority(), actor(user, key));
  }

  @PostMapping("/{ticketId}/assistant/pause")
  @Operation(summary = "Pause Vigil on this ticket")
  public TicketView pause(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).pauseAssistant(ticketId, actor(user, key));
  }

  @PostMapping("/{ticketId}/assistant/resume")
  @Operation(summary = "Resume Vigil on this ticket")
  public TicketView resume(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).resumeAssistant(ticketId, actor(user, key));
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/adopt")
  @Operation(summary = "Adopt a suggestion", description = "Posts its text to the customer as your reply.")
  public TicketView adopt(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @PathVariable String suggestionId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).adopt(ticketId, suggestionId, actor(user, key));
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/edit")
  @Operation(summary = "Edit a suggestion and send it", description = "Posts your edited text to the customer.")
  public TicketView edit(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @PathVariable String suggestionId,
      @Valid @RequestBody AnalystActions.EditSuggestion body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).edit(ticketId, suggestionId, body.text(), actor(user, key));
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/dismiss")
  @Operation(summary = "Dismiss a suggestion")
  public TicketView dismiss(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @PathVariable String suggestionId,
      @Valid @RequestBody(required = false) AnalystActions.DismissSuggestion body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).dismiss(ticketId, suggestionId, body == null ? null : body.reason(), actor(user, key));
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/rate")
  @Operation(summary = "Rate a suggestion (like or dislike)")
  public TicketView rate(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @PathVariable String suggestionId,
      @Valid @RequestBody AnalystActions.RateSuggestion body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).rate(ticketId, suggestionId, body.rating(), actor(user, key));
  }

  @PostMapping("/{ticketId}/resolve")
  @Operation(summary = "Resolve the ticket with a note")
  public TicketView resolve(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source, @Valid @RequestBody AnalystActions.Resolve body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).resolve(ticketId, body.note(), actor(user, key));
  }

  @PostMapping("/{ticketId}/close")
  @Operation(summary = "Close the ticket", description = "Starts the learning workflow.")
  public TicketView close(@PathVariable String ticketId,
      @Parameter(description = SOURCE_PARAM) @RequestParam(required = false) String source,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return actions.in(tickets.source(source)).close(ticketId, actor(user, key));
  }

  private static TicketActions.Actor actor(Principal user, String idempotencyKey) {
    return TicketActions.Actor.of(user.getName(), "api", idempotencyKey);
  }
}
