package dev.vigil.starter.ticket;

import dev.vigil.starter.config.TicketProperties;
import dev.vigil.starter.status.StatusLinks;
import dev.vigil.worker.temporal.TemporalProperties;
import dev.vigil.workflows.assistant.CaseSummary;
import dev.vigil.workflows.ticket.LearningRun;
import dev.vigil.workflows.ticket.TicketDelivery;
import dev.vigil.workflows.ticket.TicketEvent;
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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The starter's door to ticket workflows: delivers webhook events by signal-with-start, applies analyst actions as
 * updates and reads tickets by query. Temporal failures become {@link TicketExceptions}.
 */
@Service
public class TicketService {
  private static final Logger log = LoggerFactory.getLogger(TicketService.class);

  private final WorkflowClient client;
  private final TicketProperties tickets;
  private final TemporalProperties temporal;
  private final StatusLinks statusLinks;

  public TicketService(WorkflowClient client, TicketProperties tickets, TemporalProperties temporal,
      StatusLinks statusLinks) {
    this.client = client;
    this.tickets = tickets;
    this.temporal = temporal;
    this.statusLinks = statusLinks;
  }

  public String workflowId(String ticketId) {
    return tickets.workflowId(ticketId);
  }

  /**
   * Delivers an event, starting the ticket's workflow if this is the first event seen for it. Atomic: when Temporal
   * is unreachable nothing is applied and {@link TicketExceptions.TemporalUnavailable} is thrown.
   */
  public String deliver(TicketEvent event) {
    try {
      return TicketDelivery.signalWithStart(client, tickets.source(), tickets.settings(), event);
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
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, workflowId(event.ticketId()));
    try {
      ticket.act(event);
      return ticket.view();
    } catch (WorkflowUpdateException e) {
      throw new TicketExceptions.ActionRejected(rootMessage(e));
    } catch (RuntimeException e) {
      throw translate(e, event.ticketId());
    }
  }

  /** The extractive summary of a ticket (a query: it only reads what the ticket records). */
  public CaseSummary summarize(String ticketId) {
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, workflowId(ticketId));
    try {
      return ticket.summarize();
    } catch (RuntimeException e) {
      throw translate(e, ticketId);
    }
  }

  public TicketView view(String ticketId) {
    TicketWorkflow ticket = client.newWorkflowStub(TicketWorkflow.class, workflowId(ticketId));
    try {
      return ticket.view();
    } catch (RuntimeException e) {
      throw translate(e, ticketId);
    }
  }

  /** The ticket with its learning run's live status, as the API returns it. */
  public TicketDetails details(String ticketId) {
    TicketView view = view(ticketId);
    return new TicketDetails(view, learningStatus(view.learning()), temporalUiLink(view.workflowId()),
        statusLinks.linkFor(ticketId));
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
