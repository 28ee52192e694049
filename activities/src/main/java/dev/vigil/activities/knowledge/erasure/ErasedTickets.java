package dev.vigil.activities.knowledge.erasure;

import java.util.Set;

/**
 * What a customer's erasure removes from knowledge: their tickets as provenance names them.
 *
 * @param tenant the customer's tenant (entries of other tenants' scopes are left alone), or null for a
 *     single-tenant installation
 * @param ticketIds the tickets' ids at their source (what provenance names)
 * @param workflowIds the tickets' workflow ids (what learning's idempotency references contain)
 * @param messageIds ids of the tickets' messages and of Vigil's suggestions on them ({@code vigil-<id>})
 */
public record ErasedTickets(String tenant, Set<String> ticketIds, Set<String> workflowIds, Set<String> messageIds) {

  public ErasedTickets {
    ticketIds = ticketIds == null ? Set.of() : Set.copyOf(ticketIds);
    workflowIds = workflowIds == null ? Set.of() : Set.copyOf(workflowIds);
    messageIds = messageIds == null ? Set.of() : Set.copyOf(messageIds);
  }

  public boolean isEmpty() {
    return ticketIds.isEmpty();
  }
}
