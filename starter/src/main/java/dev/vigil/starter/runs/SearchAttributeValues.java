package dev.vigil.starter.runs;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;

/** Reads a keyword search attribute of an execution (never encrypted: the server indexes them). */
final class SearchAttributeValues {
  private SearchAttributeValues() {}

  static String keyword(WorkflowExecutionInfo info, SearchAttributeKey<String> key) {
    Payload payload = info.getSearchAttributes().getIndexedFieldsMap().get(key.getName());
    if (payload == null) {
      return null;
    }
    Object value = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, Object.class, Object.class);
    if (value instanceof List<?> list) { // keyword lists come back as lists
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return value == null ? null : String.valueOf(value);
  }
}
