package dev.vigil.starter.runs;

import com.google.protobuf.ByteString;
import dev.vigil.workflows.ticket.TicketIds;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Workflow runs on a Temporal cluster: found with visibility queries (the search attributes Vigil registers), removed
 * with {@code DeleteWorkflowExecution}, run by run, so the histories and their visibility records go from the
 * cluster (asynchronously, within seconds).
 */
public final class ClusterWorkflowRuns implements WorkflowRuns {
  private static final int PAGE_SIZE = 500;

  private final WorkflowServiceStubs stubs;
  private final String namespace;

  public ClusterWorkflowRuns(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
  }

  @Override
  public List<String> ticketsOf(String tenant, String customerKey) {
    return List.copyOf(workflowIds(customerQuery(tenant, customerKey)));
  }

  static String customerQuery(String tenant, String customerKey) {
    return "WorkflowType = '" + TICKET_WORKFLOW + "' AND VigilCustomer = " + quote(customerKey)
        + " AND " + (tenant == null ? "VigilTenant IS NULL" : "VigilTenant = " + quote(tenant));
  }

  @Override
  public List<String> ticketsClosedBefore(Instant cutoff) {
    return List.copyOf(workflowIds(closedBeforeQuery(cutoff)));
  }

  static String closedBeforeQuery(Instant cutoff) {
    return "WorkflowType = '" + TICKET_WORKFLOW + "' AND ExecutionStatus != 'Running'"
        + " AND ExecutionStatus != 'ContinuedAsNew' AND CloseTime < " + quote(cutoff.toString());
  }

  @Override
  public List<String> learningOf(String ticketWorkflowId) {
    return workflowIds(learningQuery(ticketWorkflowId)).stream()
        .filter(id -> TicketIds.isLearningOf(id, ticketWorkflowId)).toList();
  }

  static String learningQuery(String ticketWorkflowId) {
    return "WorkflowType = '" + LEARNING_WORKFLOW + "' AND WorkflowId STARTS_WITH "
        + quote(TicketIds.learningPrefix(ticketWorkflowId));
  }

  @Override
  public void terminate(String workflowId, String reason) {
    RunErrors.terminate(stubs, namespace, WorkflowExecution.newBuilder().setWorkflowId(workflowId).build(), reason);
  }

  @Override
  public int remove(String workflowId) {
    terminate(workflowId, "erased");
    int removed = 0;
    for (WorkflowExecutionInfo run : list("WorkflowId = " + quote(workflowId))) {
      try {
        stubs.blockingStub().deleteWorkflowExecution(DeleteWorkflowExecutionRequest.newBuilder()
            .setNamespace(namespace)
            .setWorkflowExecution(run.getExecution())
            .build());
        removed++;
      } catch (StatusRuntimeException e) {
        if (!RunErrors.alreadyGone(e)) {
          throw e;
        }
      }
    }
    return removed;
  }

  @Override
  public boolean removed(String workflowId) {
    return false; // a deleted run is not found by Temporal itself
  }

  @Override
  public String mechanism() {
    return "cluster";
  }

  private Set<String> workflowIds(String query) {
    Set<String> ids = new LinkedHashSet<>();
    for (WorkflowExecutionInfo info : list(query)) {
      ids.add(info.getExecution().getWorkflowId());
    }
    return ids;
  }

  private List<WorkflowExecutionInfo> list(String query) {
    List<WorkflowExecutionInfo> all = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      ListWorkflowExecutionsResponse page = stubs.blockingStub().listWorkflowExecutions(
          ListWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setQuery(query)
              .setPageSize(PAGE_SIZE)
              .setNextPageToken(token)
              .build());
      all.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return all;
  }

  /** A string literal of Temporal's visibility query language. */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
