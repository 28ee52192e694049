package dev.vigil.starter.runs;

import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowExecutionFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Workflow runs on Vigil's in-process dev server (Temporal's test server): it has the legacy open/closed lists (every
 * execution, without search attributes, so each candidate is described) and no deletion. Removing terminates the
 * runs and records them in {@link RemovedRuns}: Vigil then answers for them as for tickets that never existed, and the
 * server, which keeps everything in memory, drops them at its next restart.
 */
public final class DevServerWorkflowRuns implements WorkflowRuns {
  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final RemovedRuns removedRuns;

  public DevServerWorkflowRuns(WorkflowServiceStubs stubs, String namespace, RemovedRuns removedRuns) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.removedRuns = removedRuns;
  }

  @Override
  public List<String> ticketsOf(String tenant, String customerKey) {
    return latestRunsWhere(TICKET_WORKFLOW, latest ->
        Objects.equals(tenant, SearchAttributeValues.keyword(latest, TicketSearchAttributes.TENANT))
            && customerKey.equals(SearchAttributeValues.keyword(latest, TicketSearchAttributes.CUSTOMER)));
  }

  @Override
  public List<String> ticketsClosedBefore(Instant cutoff) {
    return latestRunsWhere(TICKET_WORKFLOW, latest -> closedBefore(latest, cutoff));
  }

  /**
   * Workflows of {@code type} whose latest run, not removed, satisfies {@code wanted}; each is described, since the
   * lists carry no search attributes.
   */
  private List<String> latestRunsWhere(String type, Predicate<WorkflowExecutionInfo> wanted) {
    List<String> ids = new ArrayList<>();
    for (String workflowId : workflowIds(type)) {
      WorkflowExecutionInfo latest = describe(workflowId);
      if (latest != null && !isRemoved(latest) && wanted.test(latest)) {
        ids.add(workflowId);
      }
    }
    return ids;
  }

  static boolean closedBefore(WorkflowExecutionInfo info, Instant cutoff) {
    return info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        && info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW
        && info.hasCloseTime()
        && Instant.ofEpochSecond(info.getCloseTime().getSeconds(), info.getCloseTime().getNanos()).isBefore(cutoff);
  }

  @Override
  public List<String> learningOf(String ticketWorkflowId) {
    return workflowIds(LEARNING_WORKFLOW).stream().filter(id -> TicketIds.isLearningOf(id, ticketWorkflowId))
        .toList();
  }

  @Override
  public void terminate(String workflowId, String reason) {
    for (WorkflowExecutionInfo run : runs(workflowId)) {
      if (run.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        RunErrors.terminate(stubs, namespace, run.getExecution(), reason);
      }
    }
  }

  @Override
  public int remove(String workflowId) {
    terminate(workflowId, "erased");
    List<String> runIds = runs(workflowId).stream().map(r -> r.getExecution().getRunId()).toList();
    removedRuns.add(workflowId, runIds);
    return runIds.size();
  }

  @Override
  public boolean removed(String workflowId) {
    if (!removedRuns.knows(workflowId)) {
      return false; // the common case answers without a call
    }
    WorkflowExecutionInfo latest = describe(workflowId);
    return latest == null || isRemoved(latest);
  }

  @Override
  public String mechanism() {
    return "dev-server";
  }

  private boolean isRemoved(WorkflowExecutionInfo info) {
    return removedRuns.contains(info.getExecution().getWorkflowId(), info.getExecution().getRunId());
  }

  /** Ids of every workflow of {@code type}, open or closed (the test server ignores type filters and pages). */
  private Set<String> workflowIds(String type) {
    Set<String> ids = new LinkedHashSet<>();
    for (WorkflowExecutionInfo info : open(null)) {
      if (info.getType().getName().equals(type)) {
        ids.add(info.getExecution().getWorkflowId());
      }
    }
    for (WorkflowExecutionInfo info : closed(null)) {
      if (info.getType().getName().equals(type)) {
        ids.add(info.getExecution().getWorkflowId());
      }
    }
    return ids;
  }

  private List<WorkflowExecutionInfo> runs(String workflowId) {
    List<WorkflowExecutionInfo> runs = new ArrayList<>(open(workflowId));
    runs.addAll(closed(workflowId));
    return runs;
  }

  private List<WorkflowExecutionInfo> open(String workflowId) {
    ListOpenWorkflowExecutionsRequest.Builder request = ListOpenWorkflowExecutionsRequest.newBuilder()
        .setNamespace(namespace);
    if (workflowId != null) {
      request.setExecutionFilter(WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId));
    }
    return stubs.blockingStub().listOpenWorkflowExecutions(request.build()).getExecutionsList();
  }

  private List<WorkflowExecutionInfo> closed(String workflowId) {
    ListClosedWorkflowExecutionsRequest.Builder request = ListClosedWorkflowExecutionsRequest.newBuilder()
        .setNamespace(namespace);
    if (workflowId != null) {
      request.setExecutionFilter(WorkflowExecutionFilter.newBuilder().setWorkflowId(workflowId));
    }
    return stubs.blockingStub().listClosedWorkflowExecutions(request.build()).getExecutionsList();
  }

  /** The workflow's latest run, or null when there is none. */
  private WorkflowExecutionInfo describe(String workflowId) {
    try {
      return stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(namespace)
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
              .build())
          .getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
