package dev.vigil.starter.webhook;

import dev.vigil.activities.notify.WebhookSignature;
import dev.vigil.starter.config.WebhookProperties;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.TicketEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake of ticket events from the ticketing system. Order of checks: size (413), signature or static bearer token
 * (401), body (400), delivery (202; 409 for an archived ticket; 503 when Temporal is unreachable, with nothing
 * applied). A request with an {@code X-Vigil-Signature} is judged by it alone; one without it may instead carry
 * {@code Authorization: Bearer <VIGIL_WEBHOOK_TOKEN>}.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhook", description = "Ticket events from the ticketing system, signed with HMAC-SHA256")
public class WebhookController {
  private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

  private final TicketService tickets;
  private final WebhookSignature signature;
  private final StaticToken token;
  private final WebhookEventParser parser = new WebhookEventParser();
  private final int maxBodyBytes;

  public WebhookController(TicketService tickets, WebhookProperties properties) {
    this.tickets = tickets;
    this.signature = new WebhookSignature(properties.secret(), properties.tolerance(), Clock.systemUTC());
    this.token = new StaticToken(properties.token());
    this.maxBodyBytes = properties.maxBodyBytes();
  }

  /** What the webhook answers when it accepts an event. */
  public record Accepted(String ticketId, String workflowId) {}

  @PostMapping("/tickets")
  @Operation(summary = "Deliver a ticket event",
      description = "Starts the ticket's workflow on its first event (of any type) and applies each eventId once.")
  public ResponseEntity<Accepted> receive(
      @Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>")
      @RequestHeader(name = WebhookSignature.HEADER, required = false) String signatureHeader,
      @Parameter(description = "Bearer <VIGIL_WEBHOOK_TOKEN>, instead of the signature (weaker: no body integrity)")
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) throws IOException {
    byte[] body = BoundedBody.read(request, maxBodyBytes);
    if (signatureHeader == null && StaticToken.isBearer(authorization)) {
      token.verify(authorization);
    } else {
      signature.verify(signatureHeader, body);
    }
    TicketEvent event = parser.parse(body);
    String workflowId = tickets.deliver(event);
    log.debug("accepted {} {} for ticket {}", event.type().wireName(), event.eventId(), event.ticketId());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(event.ticketId(), workflowId));
  }
}
