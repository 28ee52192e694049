package dev.vigil.starter.connector;

import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.StateField;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.activities.connector.VigilMarker;
import dev.vigil.client.connector.ConnectorApiProperties;
import dev.vigil.starter.config.WebhookProperties;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.starter.web.ApiError;
import dev.vigil.starter.webhook.BoundedBody;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Native webhooks of the ticketing systems at {@code POST /api/v1/webhooks/{source}}. Order of checks: known
 * source (404), size (413), the system's own signature (401; also when its secret is not set), body (400); then each
 * event the delivery means is delivered to the ticket {@code ticket:<source>:<id>} (202), except Vigil's own posts
 * echoed back, which are recognised (by the comment id the vendor returned, the text Vigil sent, or the hidden marker)
 * and dropped so they are never applied or answered twice; so are the system's reports of the ticket changes Vigil
 * itself wrote there (resolve, close, assign, priority: {@link StateWrites}), and reports of a change the ticket
 * already has ({@link AlreadyApplied}).
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhook", description = "Ticket events from the ticketing system, signed with HMAC-SHA256")
public class ConnectorWebhookController {
  private static final Logger log = LoggerFactory.getLogger(ConnectorWebhookController.class);

  private final ConnectorRegistry connectors;
  private final TicketService tickets;
  private final SentComments sent;
  private final StateWrites writes;
  private final ConnectorApiProperties apis;
  private final int maxBodyBytes;
  private final Clock clock;

  public ConnectorWebhookController(ConnectorRegistry connectors, TicketService tickets, SentComments sent,
      StateWrites writes, ConnectorApiProperties apis, WebhookProperties webhook) {
    this.connectors = connectors;
    this.tickets = tickets;
    this.sent = sent;
    this.writes = writes;
    this.apis = apis;
    this.maxBodyBytes = webhook.maxBodyBytes();
    this.clock = Clock.systemUTC();
  }

  /**
   * What the endpoint answers when it accepts a delivery: the events delivered, the echoes of Vigil's own posts it
   * dropped, and why nothing was delivered when nothing was.
   */
  public record Accepted(String source, String ticketId, String workflowId, int delivered, int echoes,
      String ignored) {}

  /** An unknown source in the path. */
  public static final class UnknownSource extends RuntimeException {
    UnknownSource(String message) {
      super(message);
    }
  }

  @PostMapping("/{source}")
  @Operation(summary = "Deliver a ticketing system's native webhook",
      description = "zendesk, jira, zammad or github, each signed in its own scheme with VIGIL_<SOURCE>_WEBHOOK_SECRET")
  public ResponseEntity<Accepted> receive(@PathVariable String source, HttpServletRequest request)
      throws IOException {
    Connector connector = connectors.find(source).orElseThrow(() -> new UnknownSource("unknown source '" + source
        + "'; expected one of " + String.join(", ", connectors.sources().stream().sorted().toList())
        + " (or /api/v1/webhooks/tickets for Vigil's own format)"));
    InboundRequest inbound = new InboundRequest(headers(request), BoundedBody.read(request, maxBodyBytes),
        clock.instant());
    connector.verify(inbound);
    ConnectorMapping mapping = connector.map(inbound, ticketId -> known(source, ticketId));
    int delivered = 0;
    int echoes = 0;
    KnownTicket[] before = null; // read once, and only for a change that is not a known echo
    for (TicketEvent event : mapping.events()) {
      boolean echo = isEcho(source, event);
      if (!echo && StateField.of(event.type()) != null) {
        if (before == null) {
          before = new KnownTicket[] {known(source, event.ticketId())};
        }
        echo = AlreadyApplied.changesNothing(event, before[0], apis.writeBack(source));
      }
      if (echo) {
        echoes++;
        log.debug("{} {}: dropped the echo of Vigil's own {} ({})", source, event.ticketId(),
            event.type().wireName(), event.eventId());
        continue;
      }
      tickets.deliver(source, event);
      delivered++;
    }
    String workflowId = mapping.ticketId() == null ? null : TicketIds.workflowId(source, mapping.ticketId());
    String ignored = mapping.ignored() != null ? mapping.ignored()
        : delivered == 0 ? "an echo of Vigil's own post or change" : null;
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Accepted(source, mapping.ticketId(), workflowId, delivered, echoes, ignored));
  }

  private boolean isEcho(String source, TicketEvent event) {
    if (event.type() != TicketEventType.MESSAGE_POSTED || event.message() == null) {
      return writes.isEcho(source, event);
    }
    return VigilMarker.isPresent(event.message().text())
        || sent.isOwn(source, event.ticketId(), event.message().id(), event.message().text());
  }

  private KnownTicket known(String source, String ticketId) {
    try {
      TicketView view = tickets.view(source, ticketId);
      return new KnownTicket(view.status(), view.priority(), view.assignee() == null ? null : view.assignee().id());
    } catch (TicketExceptions.TicketNotFound e) {
      return null;
    }
  }

  private static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    return headers;
  }


  @ExceptionHandler(UnknownSource.class)
  ResponseEntity<ApiError> unknownSource(UnknownSource e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("unknown_source", e.getMessage(), null));
  }
}
