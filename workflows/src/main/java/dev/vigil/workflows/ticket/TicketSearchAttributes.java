package dev.vigil.workflows.ticket;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The custom search attributes a ticket workflow keeps up to date, so operators can find runs in the Temporal Web UI
 * and the API can list tickets with visibility queries. All are Keyword attributes and must be registered on the
 * namespace (Vigil registers them itself on the embedded dev server).
 */
public final class TicketSearchAttributes {
  public static final SearchAttributeKey<String> TICKET_ID = SearchAttributeKey.forKeyword("VigilTicketId");
  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("VigilStatus");
  public static final SearchAttributeKey<String> PRIORITY = SearchAttributeKey.forKeyword("VigilPriority");
  public static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("VigilCustomer");
  public static final SearchAttributeKey<String> TENANT = SearchAttributeKey.forKeyword("VigilTenant");
  public static final SearchAttributeKey<String> ASSIGNEE = SearchAttributeKey.forKeyword("VigilAssignee");
  public static final SearchAttributeKey<String> PRODUCT = SearchAttributeKey.forKeyword("VigilProduct");

  public static final List<SearchAttributeKey<String>> ALL =
      List.of(TICKET_ID, STATUS, PRIORITY, CUSTOMER, TENANT, ASSIGNEE, PRODUCT);

  /** Memo key holding the ticket's subject. */
  public static final String MEMO_SUBJECT = "subject";

  private TicketSearchAttributes() {}

  /**
   * The attribute values that describe {@code view}; a null value means the attribute is unset. The customer is
   * its opaque {@link CustomerKey} under {@code customerKeySalt}: search attributes are the one thing Temporal keeps
   * in the clear.
   */
  public static Map<SearchAttributeKey<String>, String> valuesOf(TicketView view, String customerKeySalt) {
    Map<SearchAttributeKey<String>, String> values = new LinkedHashMap<>();
    values.put(TICKET_ID, view.ticketId());
    values.put(STATUS, view.status().wireName());
    values.put(PRIORITY, view.priority().name());
    values.put(CUSTOMER, CustomerKey.of(customerKeySalt, view.customer()));
    values.put(TENANT, view.customer() == null ? null : view.customer().tenant());
    values.put(ASSIGNEE, view.assignee() == null ? null : view.assignee().id());
    values.put(PRODUCT, view.product());
    return values;
  }

  /** The updates that turn {@code before} (null when nothing was upserted yet) into {@code after}. */
  public static List<SearchAttributeUpdate<?>> changes(
      Map<SearchAttributeKey<String>, String> before, Map<SearchAttributeKey<String>, String> after) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    after.forEach((key, value) -> {
      String old = before == null ? null : before.get(key);
      boolean known = before != null && before.containsKey(key);
      if (known && Objects.equals(old, value)) {
        return;
      }
      if (value != null) {
        updates.add(key.valueSet(value));
      } else if (known && old != null) {
        updates.add(key.valueUnset());
      }
    });
    return updates;
  }
}
