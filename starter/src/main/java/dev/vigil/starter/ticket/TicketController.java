package dev.vigil.starter.ticket;

import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.IncomingMessage;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.SuggestionFeedback;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketStatus;
import dev.vigil.workflows.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
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
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final int MAX_LIMIT = 1_000;

  private final TicketService tickets;
  private final TicketDirectory directory;

  public TicketController(TicketService tickets, TicketDirectory directory) {
    this.tickets = tickets;
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
      @RequestParam(defaultValue = "100") int limit) {
    if (status != null && Arrays.stream(TicketStatus.values()).noneMatch(s -> s.wireName().equals(status))) {
      throw new IllegalArgumentException("status must be one of new, triaged, escalated, waiting_on_customer, "
          + "resolved, closed");
    }
    if (priority != null && Arrays.stream(Priority.values()).noneMatch(p -> p.name().equals(priority))) {
      throw new IllegalArgumentException("priority must be one of P1, P2, P3, P4");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    TicketFilter filter = new TicketFilter(status, priority, blankToNull(assignee), blankToNull(tenant), limit);
    return new TicketList(directory.list(filter), directory.mechanism());
  }

  @GetMapping("/{ticketId}")
  @Operation(summary = "Read a ticket", description = "The workflow's view, with its learning run once closed.")
  public TicketDetails get(@PathVariable String ticketId) {
    return tickets.details(checked(ticketId));
  }

  @PostMapping("/{ticketId}/summary")
  @Operation(summary = "Summarise the ticket", description = "Overview, decisions so far, open items with owners.")
  public CaseSummary summarize(@PathVariable String ticketId) {
    return tickets.summarize(checked(ticketId));
  }

  @PostMapping("/{ticketId}/messages")
  @Operation(summary = "Post an analyst message to the customer")
  public TicketView postMessage(@PathVariable String ticketId, @Valid @RequestBody AnalystActions.PostMessage body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    String eventId = eventId(key);
    IncomingMessage message = new IncomingMessage(eventId, Role.ANALYST, user.getName(), body.text());
    return tickets.act(event(ticketId, TicketEventType.MESSAGE_POSTED, eventId, TicketFacts.onlyId(ticketId),
        message, null, null, user));
  }

  @PostMapping("/{ticketId}/assignee")
  @Operation(summary = "Assign the ticket to an analyst")
  public TicketView assign(@PathVariable String ticketId, @Valid @RequestBody AnalystActions.Assign body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return tickets.act(event(ticketId, TicketEventType.ASSIGNED, eventId(key), TicketFacts.onlyId(ticketId), null,
        new Analyst(body.analystId(), body.name()), null, user));
  }

  @PostMapping("/{ticketId}/priority")
  @Operation(summary = "Change the ticket's priority")
  public TicketView changePriority(@PathVariable String ticketId,
      @Valid @RequestBody AnalystActions.ChangePriority body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    TicketFacts facts = new TicketFacts(checked(ticketId), null, null, body.priority(), null, null);
    return tickets.act(event(ticketId, TicketEventType.PRIORITY_CHANGED, eventId(key), facts, null, null, null,
        user));
  }

  @PostMapping("/{ticketId}/assistant/pause")
  @Operation(summary = "Pause Vigil on this ticket")
  public TicketView pause(@PathVariable String ticketId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return simple(ticketId, TicketEventType.ASSISTANT_PAUSED, key, user);
  }

  @PostMapping("/{ticketId}/assistant/resume")
  @Operation(summary = "Resume Vigil on this ticket")
  public TicketView resume(@PathVariable String ticketId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return simple(ticketId, TicketEventType.ASSISTANT_RESUMED, key, user);
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/adopt")
  @Operation(summary = "Adopt a suggestion", description = "Posts its text to the customer as your reply.")
  public TicketView adopt(@PathVariable String ticketId, @PathVariable String suggestionId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return feedback(ticketId, TicketEventType.SUGGESTION_ADOPTED, new SuggestionFeedback(suggestionId, null, null,
        null), key, user);
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/edit")
  @Operation(summary = "Edit a suggestion and send it", description = "Posts your edited text to the customer.")
  public TicketView edit(@PathVariable String ticketId, @PathVariable String suggestionId,
      @Valid @RequestBody AnalystActions.EditSuggestion body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return feedback(ticketId, TicketEventType.SUGGESTION_EDITED, new SuggestionFeedback(suggestionId, body.text(),
        null, null), key, user);
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/dismiss")
  @Operation(summary = "Dismiss a suggestion")
  public TicketView dismiss(@PathVariable String ticketId, @PathVariable String suggestionId,
      @Valid @RequestBody(required = false) AnalystActions.DismissSuggestion body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return feedback(ticketId, TicketEventType.SUGGESTION_DISMISSED, new SuggestionFeedback(suggestionId, null, null,
        body == null ? null : blankToNull(body.reason())), key, user);
  }

  @PostMapping("/{ticketId}/suggestions/{suggestionId}/rate")
  @Operation(summary = "Rate a suggestion (like or dislike)")
  public TicketView rate(@PathVariable String ticketId, @PathVariable String suggestionId,
      @Valid @RequestBody AnalystActions.RateSuggestion body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return feedback(ticketId, TicketEventType.SUGGESTION_RATED, new SuggestionFeedback(suggestionId, null,
        body.rating(), null), key, user);
  }

  private TicketView feedback(String ticketId, TicketEventType type, SuggestionFeedback feedback, String key,
      Principal user) {
    return tickets.act(new TicketEvent(eventId(key), type, Instant.now(), TicketFacts.onlyId(checked(ticketId)),
        null, null, null, user.getName(), feedback));
  }

  @PostMapping("/{ticketId}/resolve")
  @Operation(summary = "Resolve the ticket with a note")
  public TicketView resolve(@PathVariable String ticketId, @Valid @RequestBody AnalystActions.Resolve body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return tickets.act(event(ticketId, TicketEventType.RESOLVED, eventId(key), TicketFacts.onlyId(ticketId), null,
        null, blankToNull(body.note()), user));
  }

  @PostMapping("/{ticketId}/close")
  @Operation(summary = "Close the ticket", description = "Starts the learning workflow.")
  public TicketView close(@PathVariable String ticketId,
      @RequestHeader(name = "Idempotency-Key", required = false) String key, Principal user) {
    return simple(ticketId, TicketEventType.CLOSED, key, user);
  }

  private TicketView simple(String ticketId, TicketEventType type, String key, Principal user) {
    return tickets.act(event(ticketId, type, eventId(key), TicketFacts.onlyId(ticketId), null, null, null, user));
  }

  private static TicketEvent event(String ticketId, TicketEventType type, String eventId, TicketFacts facts,
      IncomingMessage message, Analyst analyst, String note, Principal user) {
    checked(ticketId);
    return new TicketEvent(eventId, type, Instant.now(), facts, message, analyst, note, user.getName());
  }

  private static String eventId(String idempotencyKey) {
    if (idempotencyKey == null) {
      return "api:" + UUID.randomUUID();
    }
    if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw new IllegalArgumentException("Idempotency-Key must be 1-128 letters, digits or . _ : -");
    }
    return "api:" + idempotencyKey;
  }

  private static String checked(String ticketId) {
    if (!TicketIds.isValidTicketId(ticketId)) {
      throw new IllegalArgumentException("invalid ticket id");
    }
    return ticketId;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
