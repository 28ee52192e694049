package dev.vigil.starter.ticket;

import dev.vigil.workflows.ticket.TicketSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.ArrayList;
import java.util.List;

/** Lists tickets with visibility queries over Vigil's search attributes, on a real Temporal cluster. */
public class VisibilityTicketDirectory implements TicketDirectory {
  private final WorkflowClient client;
  private final ExecutionSummaries summaries;

  public VisibilityTicketDirectory(WorkflowClient client) {
    this.client = client;
    this.summaries = new ExecutionSummaries(client.getOptions().getDataConverter());
  }

  @Override
  public List<TicketSummary> list(TicketFilter filter) {
    return TemporalErrors.translating(() -> listOrFail(filter));
  }

  private List<TicketSummary> listOrFail(TicketFilter filter) {
    try (var executions = client.listExecutions(query(filter))) {
      return executions.limit(filter.limit())
          .map(WorkflowExecutionMetadata::getWorkflowExecutionInfo)
          .map(summaries::of)
          .toList();
    }
  }

  @Override
  public String mechanism() {
    return "visibility";
  }

  /** The visibility query for a filter; values are validated upstream and quoted here. */
  static String query(TicketFilter filter) {
    List<String> clauses = new ArrayList<>();
    clauses.add("WorkflowType = '" + BasicTicketDirectory.WORKFLOW_TYPE + "'");
    clauses.add("ExecutionStatus != 'ContinuedAsNew'");
    add(clauses, TicketSearchAttributes.STATUS.getName(), filter.status());
    add(clauses, TicketSearchAttributes.PRIORITY.getName(), filter.priority());
    add(clauses, TicketSearchAttributes.ASSIGNEE.getName(), filter.assignee());
    add(clauses, TicketSearchAttributes.TENANT.getName(), filter.tenant());
    if (filter.source() != null) {
      // the source is part of the workflow id (ticket:<source>:<id>); validated as [a-z0-9-] upstream
      clauses.add("WorkflowId STARTS_WITH 'ticket:" + filter.source() + ":'");
    }
    // no ORDER BY: SQL-backed visibility rejects it; both backends already return the newest runs first
    return String.join(" AND ", clauses);
  }

  private static void add(List<String> clauses, String attribute, String value) {
    if (value != null) {
      clauses.add(attribute + " = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }
  }
}
