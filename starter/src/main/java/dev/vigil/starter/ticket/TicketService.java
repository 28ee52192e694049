package dev.vigil.starter.ticket;

import dev.vigil.client.temporal.TemporalProperties;
import dev.vigil.starter.config.TicketProperties;
import dev.vigil.starter.config.WebhookProperties;
import dev.vigil.starter.connector.Hmac;
import dev.vigil.starter.runs.WorkflowRuns;
import dev.vigil.starter.security.StaffScope;
import dev.vigil.starter.status.StatusLinks;
import dev.vigil.starter.webhook.InvalidEventException;
import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.ticket.Customer;
import dev.vigil.workflows.ticket.CustomerKey;
import dev.vigil.workflows.ticket.IdempotencyConflict;
import dev.vigil.workflows.ticket.LearningRun;
import dev.vigil.workflows.ticket.TicketDelivery;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSettings;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TicketWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The starter's door to ticket workflows: delivers webhook events by signal-with-start, applies analyst actions as
 * updates and reads tickets by query. Temporal failures become {@link TicketExceptions}.
 */
@Service
public class TicketService {
  /** Names that scope knowledge, never a tenant's. */
  static final Set<String> RESERVED_TENANTS = Set.of("global");

  private static final Logger log = LoggerFactory.getLogger(TicketService.class);

  private final WorkflowClient client;
  private final TicketProperties tickets;
  private final TemporalProperties temporal;
  private final StatusLinks statusLinks;
  private final TicketSettings settings;
  private final WorkflowRuns runs;

  public TicketService(WorkflowClient client, TicketProperties tickets, TemporalProperties temporal,
      StatusLinks statusLinks, WebhookProperties webhook, WorkflowRuns runs) {
    this.client = client;
    this.runs = runs;
    this.tickets = tickets;
    this.temporal = temporal;
    this.statusLinks = statusLinks;
    this.settings = tickets.settings().withCustomerKeySalt(customerKeySalt(webhook.secret()));
  }

  /**
   * The salt of the customers' opaque keys in search attributes, derived from the webhook secret (which every
   * deployment has); rotating that secret gives tickets started afterwards other keys.
   */
  static String customerKeySalt(String webhookSecret) {
    return HexFormat.of().formatHex(Hmac.sha256(webhookSecret,
        "vigil customer key v1".getBytes(StandardCharsets.UTF_8)));
  }

  /** The opaque key of a customer, as the ticket workflows' {@code VigilCustomer} search attribute holds it. */
  public String customerKey(String tenant, String customerId) {
    return CustomerKey.of(settings.customerKeySalt(), tenant, customerId);
  }

  /** Refuses a ticket whose runs were removed (erasure, retention) as one that does not exist. */
  private void requireNotRemoved(String source, String ticketId) {
    if (TemporalErrors.translating(() -> runs.removed(TicketIds.workflowId(source, ticketId)))) {
      throw new TicketExceptions.TicketNotFound(ticketId);
    }
  }

  public String workflowId(String ticketId) {
    return tickets.workflowId(ticketId);
  }

  /** The ticketing system a request names, or the default one ({@code VIGIL_TICKET_SOURCE}) when it names none. */
  public String source(String requested) {
    if (requested == null || requested.isBlank()) {
      return tickets.source();
    }
    if (!TicketIds.SOURCE.matcher(requested).matches()) {
      throw new IllegalArgumentException("invalid source: lower-case letters, digits and -, e.g. zendesk");
    }
    return requested;
  }

  /** Delivers an event of the default source; see {@link #deliver(String, TicketEvent)}. */
  public String deliver(TicketEvent event) {
    return deliver(tickets.source(), event);
  }

  /**
   * Delivers an event of {@code source}, starting the ticket's workflow if this is the first event seen for it.
   * Atomic: when Temporal is unreachable nothing is applied and {@link TicketExceptions.TemporalUnavailable} is thrown.
   */
  public String deliver(String source, TicketEvent event) {
    Customer customer = event.ticket() == null ? null : event.ticket().customer();
    if (customer != null && RESERVED_TENANTS.contains(customer.tenant())) {
      // learned knowledge of a tenant called "global" would be stored as knowledge for every tenant
      throw new InvalidEventException("ticket.customer.tenant", "tenant '" + customer.tenant()
          + "' is reserved (it names knowledge shared by every tenant); map this customer to another tenant");
    }
    try {
      return TicketDelivery.signalWithStart(client, source, settings, event);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new TicketExceptions.TicketArchived(event.ticketId());
    } catch (RuntimeException e) {
      throw translate(e, event.ticketId());
    }
  }

  /**
   * Applies an analyst's action; answers with the ticket after it. The update answers only what changed (so the
   * history does not record the whole ticket per action); the ticket is then read by query, which sees the action.
   */
  public TicketView act(TicketEvent event) {
    return act(tickets.source(), event);
  }

  /** Applies an analyst's action to a ticket of {@code source}; answers with the ticket after it. */
  public TicketView act(String source, TicketEvent event) {
    requireNotRemoved(source, event.ticketId());
    if (!StaffScope.current().unrestricted()) {
      view(source, event.ticketId()); // a ticket of another tenant is not found, and nothing is applied to it
    }
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class,
        TicketIds.workflowId(source, event.ticketId()));
    try {
      ticket.act(event);
      return ticket.view();
    } catch (WorkflowUpdateException e) {
      if (failureType(e).equals(IdempotencyConflict.class.getName())) {
        throw new TicketExceptions.IdempotencyKeyConflict(rootMessage(e));
      }
      throw new TicketExceptions.ActionRejected(rootMessage(e));
    } catch (RuntimeException e) {
      throw translate(e, event.ticketId());
    }
  }

  /** The extractive summary of a ticket (a query: it only reads what the ticket records). */
  public CaseSummary summarize(String ticketId) {
    return summarize(tickets.source(), ticketId);
  }

  public CaseSummary summarize(String source, String ticketId) {
    requireNotRemoved(source, ticketId);
    if (!StaffScope.current().unrestricted()) {
      view(source, ticketId);
    }
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId(source, ticketId));
    try {
      return ticket.summarize();
    } catch (RuntimeException e) {
      throw translate(e, ticketId);
    }
  }

  public TicketView view(String ticketId) {
    return view(tickets.source(), ticketId);
  }

  /** The ticket, as the signed-in member of staff may see it: another tenant's ticket is not found. */
  public TicketView view(String source, String ticketId) {
    requireNotRemoved(source, ticketId);
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, TicketIds.workflowId(source, ticketId));
    TicketView view;
    try {
      view = ticket.view();
    } catch (RuntimeException e) {
      throw translate(e, ticketId);
    }
    StaffScope.current().requireTicket(view.customer() == null ? null : view.customer().tenant(), ticketId);
    return view;
  }

  /** The ticket with its learning run's live status, as the API returns it. */
  public TicketDetails details(String ticketId) {
    return details(tickets.source(), ticketId);
  }

  /** The ticket of {@code source} with its learning run's live status and its customer status link. */
  public TicketDetails details(String source, String ticketId) {
    TicketView view = view(source, ticketId);
    return new TicketDetails(view, learningStatus(view.learning()), temporalUiLink(view.workflowId()),
        statusLinks.linkFor(source, ticketId), source,
        CustomerKey.of(settings.customerKeySalt(), view.customer()));
  }

  private LearningStatus learningStatus(LearningRun run) {
    if (run == null) {
      return null;
    }
    String status;
    try {
      WorkflowExecutionStatus s = client.newUntypedWorkflowStub(run.workflowId()).describe().getStatus();
      status = s.name().substring("WORKFLOW_EXECUTION_STATUS_".length()).toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      log.debug("cannot describe learning run {}", run.workflowId(), e);
      status = "unknown";
    }
    return new LearningStatus(run.workflowId(), run.runId(), run.startedAt(), status);
  }

  String temporalUiLink(String workflowId) {
    if (temporal.uiUrl() == null || temporal.uiUrl().isBlank()) {
      return null;
    }
    String base = temporal.uiUrl().endsWith("/") ? temporal.uiUrl() : temporal.uiUrl() + "/";
    return base + "namespaces/" + URLEncoder.encode(temporal.namespace(), StandardCharsets.UTF_8)
        + "/workflows/" + URLEncoder.encode(workflowId, StandardCharsets.UTF_8);
  }

  private static RuntimeException translate(RuntimeException e, String ticketId) {
    if (e instanceof WorkflowNotFoundException || TemporalErrors.isNotFound(e)) {
      return new TicketExceptions.TicketNotFound(ticketId);
    }
    if (TemporalErrors.isUnavailable(e)) {
      return new TicketExceptions.TemporalUnavailable(e);
    }
    return e;
  }

  /** The type of the application failure inside {@code e}, or "" when there is none. */
  private static String failureType(WorkflowException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure.getType();
      }
    }
    return "";
  }

  private static String rootMessage(WorkflowException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
