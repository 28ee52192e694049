package dev.vigil.starter.erasure;

import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.erasure.ErasedTickets;
import dev.vigil.activities.knowledge.erasure.KnowledgeErasure;
import dev.vigil.starter.audit.Audit;
import dev.vigil.starter.runs.WorkflowRuns;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Erases a customer: their ticket workflows and the learning runs those started, the knowledge learned only from
 * their tickets, and their tickets' ids in other entries' provenance. The order makes a failed erasure safe to
 * repeat: everything that could still write is stopped first, knowledge is erased while the stopped runs still say
 * what to erase, and the runs go last.
 */
@Service
public class CustomerErasure {
  private final WorkflowClient client;
  private final WorkflowRuns runs;
  private final KnowledgeErasure knowledge;
  private final TicketService tickets;
  private final Clock clock;

  @Autowired
  public CustomerErasure(WorkflowClient client, WorkflowRuns runs, KnowledgeIndex index, TicketService tickets) {
    this(client, runs, new KnowledgeErasure(index), tickets, Clock.systemUTC());
  }

  CustomerErasure(WorkflowClient client, WorkflowRuns runs, KnowledgeErasure knowledge, TicketService tickets,
      Clock clock) {
    this.client = client;
    this.runs = runs;
    this.knowledge = knowledge;
    this.tickets = tickets;
    this.clock = clock;
  }

  /** Erases the customer {@code customerId} of {@code tenant} (null: a single-tenant installation). */
  public ErasureReport erase(String tenant, String customerId, String actor) {
    String customerKey = tickets.customerKey(tenant, customerId);
    List<String> ticketWorkflows = runs.ticketsOf(tenant, customerKey);
    Removal removal = removal(tenant, ticketWorkflows);
    // tickets first: a ticket still running could close and start another learning run
    ticketWorkflows.forEach(id -> runs.terminate(id, "customer erased"));
    removal.learning().forEach(id -> runs.terminate(id, "customer erased"));
    KnowledgeErasure.Result erased = knowledge.erase(removal.knowledge());
    int removed = 0;
    for (String id : removal.learning()) {
      removed += runs.remove(id);
    }
    for (String id : ticketWorkflows) {
      removed += runs.remove(id);
    }
    ErasureReport report = new ErasureReport(UUID.randomUUID().toString(), tenant, customerKey,
        ticketWorkflows.size(), removal.learning().size(), removed, erased.deleted(), erased.scrubbed(),
        runs.mechanism(), clock.instant());
    Audit.record(report.auditLine(actor));
    return report;
  }

  /** What removing these ticket workflows takes: their learning runs and what knowledge's provenance names. */
  Removal removal(String tenant, List<String> ticketWorkflows) {
    Set<String> ticketIds = new LinkedHashSet<>();
    Set<String> messageIds = new LinkedHashSet<>();
    List<String> learning = new ArrayList<>();
    for (String workflowId : ticketWorkflows) {
      // a query answers for a stopped run as well, so a repeated erasure still learns what to erase
      TicketView view = client.newWorkflowStub(TicketWorkflow.class, workflowId).view();
      ticketIds.add(view.ticketId());
      view.messages().stream().map(Message::id).forEach(messageIds::add);
      view.suggestions().stream().map(Suggestion::id).map(id -> "vigil-" + id).forEach(messageIds::add);
      learning.addAll(runs.learningOf(workflowId));
    }
    return new Removal(new ErasedTickets(tenant, ticketIds, Set.copyOf(ticketWorkflows), messageIds),
        List.copyOf(learning));
  }

  record Removal(ErasedTickets knowledge, List<String> learning) {}
}
