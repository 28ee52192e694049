package dev.vigil.starter.ticket;

import dev.vigil.starter.security.StaffScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists only the tickets of the tenants the signed-in member of staff works for: a filter naming another tenant
 * lists nothing; without a tenant filter, each of their tenants is listed and the lists merged, newest first.
 */
public final class ScopedTicketDirectory implements TicketDirectory {
  private final TicketDirectory tickets;

  public ScopedTicketDirectory(TicketDirectory tickets) {
    this.tickets = tickets;
  }

  @Override
  public List<TicketSummary> list(TicketFilter filter) {
    StaffScope scope = StaffScope.current();
    if (scope.unrestricted()) {
      return tickets.list(filter);
    }
    if (filter.tenant() != null) {
      return scope.allows(filter.tenant()) ? tickets.list(filter) : List.of();
    }
    List<TicketSummary> merged = new ArrayList<>();
    for (String tenant : scope.tenants()) {
      merged.addAll(tickets.list(new TicketFilter(filter.status(), filter.priority(), filter.assignee(), tenant,
          filter.limit(), filter.source())));
    }
    return merged.stream()
        .sorted(Comparator.comparing(TicketSummary::startedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(filter.limit())
        .toList();
  }

  @Override
  public String mechanism() {
    return tickets.mechanism();
  }
}
