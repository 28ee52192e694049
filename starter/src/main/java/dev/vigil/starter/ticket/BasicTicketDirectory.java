package dev.vigil.starter.ticket;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lists tickets with the legacy open/closed execution lists, which the dev server implements (it has no visibility
 * queries). Those lists carry no search attributes or memo, so each listed ticket is described (one in-process call
 * on the dev server). Filters apply in memory over at most {@code scanLimit} executions, newest first; runs that
 * continued as new are skipped in favour of the ticket's latest run.
 */
public class BasicTicketDirectory implements TicketDirectory {
  static final String WORKFLOW_TYPE = "TicketWorkflow";
  private static final int PAGE_SIZE = 500;

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final int scanLimit;
  private final ExecutionSummaries summaries;

  public BasicTicketDirectory(WorkflowServiceStubs stubs, String namespace, int scanLimit, DataConverter converter) {
    this.stubs = stubs;
    this.summaries = new ExecutionSummaries(converter);
    this.namespace = namespace;
    this.scanLimit = scanLimit;
  }

  @Override
  public List<TicketSummary> list(TicketFilter filter) {
    return TemporalErrors.translating(() -> listOrFail(filter));
  }

  private List<TicketSummary> listOrFail(TicketFilter filter) {
    Map<String, WorkflowExecutionInfo> latestRuns = new LinkedHashMap<>();
    for (WorkflowExecutionInfo info : open()) {
      latestRuns.put(info.getExecution().getWorkflowId(), info);
    }
    for (WorkflowExecutionInfo info : closed()) {
      if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW) {
        latestRuns.putIfAbsent(info.getExecution().getWorkflowId(), info);
      }
    }
    List<WorkflowExecutionInfo> newestFirst = new ArrayList<>(latestRuns.values());
    newestFirst.sort(Comparator.comparing((WorkflowExecutionInfo i) -> i.getStartTime().getSeconds())
        .thenComparing(i -> i.getStartTime().getNanos()).reversed());
    List<TicketSummary> result = new ArrayList<>();
    for (WorkflowExecutionInfo info : newestFirst.subList(0, Math.min(scanLimit, newestFirst.size()))) {
      TicketSummary summary = summaries.of(describe(info.getExecution()));
      if (summary.ticketId() != null && filter.matches(summary)) {
        result.add(summary);
        if (result.size() == filter.limit()) {
          break;
        }
      }
    }
    return result;
  }

  @Override
  public String mechanism() {
    return "basic";
  }

  private WorkflowExecutionInfo describe(WorkflowExecution execution) {
    return stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(namespace)
            .setExecution(execution)
            .build())
        .getWorkflowExecutionInfo();
  }

  private List<WorkflowExecutionInfo> open() {
    return allPages(token -> {
      ListOpenWorkflowExecutionsResponse page = stubs.blockingStub().listOpenWorkflowExecutions(
          ListOpenWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setMaximumPageSize(PAGE_SIZE)
              .setNextPageToken(token)
              .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
              .build());
      return new Page(page.getExecutionsList(), page.getNextPageToken());
    });
  }

  private List<WorkflowExecutionInfo> closed() {
    return allPages(token -> {
      ListClosedWorkflowExecutionsResponse page = stubs.blockingStub().listClosedWorkflowExecutions(
          ListClosedWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setMaximumPageSize(PAGE_SIZE)
              .setNextPageToken(token)
              .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
              .build());
      return new Page(page.getExecutionsList(), page.getNextPageToken());
    });
  }

  private record Page(List<WorkflowExecutionInfo> executions, ByteString next) {}

  /** Follows page tokens until the list ends or {@code scanLimit} executions were read. */
  private List<WorkflowExecutionInfo> allPages(Function<ByteString, Page> fetch) {
    List<WorkflowExecutionInfo> result = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      Page page = fetch.apply(token);
      result.addAll(page.executions());
      token = page.next();
    } while (!token.isEmpty() && result.size() < scanLimit);
    return result;
  }
}
