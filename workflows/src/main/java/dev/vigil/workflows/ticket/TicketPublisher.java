package dev.vigil.workflows.ticket;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * Keeps the ticket's search attributes and subject memo in step with its state, upserting only what changed (each
 * upsert is a command in the history). Deterministic: remembers what it published in this run.
 */
final class TicketPublisher {
  private final String customerKeySalt;
  private Map<SearchAttributeKey<String>, String> published;
  private String publishedSubject;

  TicketPublisher(String customerKeySalt) {
    this.customerKeySalt = customerKeySalt;
  }

  void publish(TicketView view) {
    Map<SearchAttributeKey<String>, String> values = TicketSearchAttributes.valuesOf(view, customerKeySalt);
    List<SearchAttributeUpdate<?>> changes = TicketSearchAttributes.changes(published, values);
    if (!changes.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(changes.toArray(new SearchAttributeUpdate<?>[0]));
    }
    published = values;
    if (view.subject() != null && !view.subject().equals(publishedSubject)) {
      Workflow.upsertMemo(Map.of(TicketSearchAttributes.MEMO_SUBJECT, view.subject()));
      publishedSubject = view.subject();
    }
  }
}
