package dev.vigil.starter.ticket;

import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketSearchAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Instant;

/**
 * Turns a Temporal execution record into a {@link TicketSummary}; shared by both directory implementations. The memo
 * is a payload like any other, so it is encrypted and read with the client's converter; search attributes are never
 * encrypted (the server indexes them) and read with the plain one.
 */
final class ExecutionSummaries {
  private static final DataConverter SEARCH_ATTRIBUTES = DefaultDataConverter.STANDARD_INSTANCE;

  private final DataConverter memo;

  ExecutionSummaries(DataConverter memo) {
    this.memo = memo;
  }

  TicketSummary of(WorkflowExecutionInfo info) {
    return new TicketSummary(
        attribute(info, TicketSearchAttributes.TICKET_ID),
        info.getExecution().getWorkflowId(),
        attribute(info, TicketSearchAttributes.STATUS),
        attribute(info, TicketSearchAttributes.PRIORITY),
        memo(info, TicketSearchAttributes.MEMO_SUBJECT),
        attribute(info, TicketSearchAttributes.TENANT),
        attribute(info, TicketSearchAttributes.CUSTOMER),
        attribute(info, TicketSearchAttributes.ASSIGNEE),
        attribute(info, TicketSearchAttributes.PRODUCT),
        Instant.ofEpochSecond(info.getStartTime().getSeconds(), info.getStartTime().getNanos()),
        info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        TicketIds.sourceOf(info.getExecution().getWorkflowId()));
  }

  private static String attribute(WorkflowExecutionInfo info, SearchAttributeKey<String> key) {
    Payload payload = info.getSearchAttributes().getIndexedFieldsMap().get(key.getName());
    return payload == null ? null : decode(SEARCH_ATTRIBUTES, payload);
  }

  private String memo(WorkflowExecutionInfo info, String key) {
    Payload payload = info.getMemo().getFieldsMap().get(key);
    return payload == null ? null : decode(memo, payload);
  }

  private static String decode(DataConverter converter, Payload payload) {
    Object value = converter.fromPayload(payload, Object.class, Object.class);
    if (value instanceof java.util.List<?> list) { // keyword lists come back as lists
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return value == null ? null : String.valueOf(value);
  }
}
