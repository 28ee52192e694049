package dev.vigil.activities.knowledge;

import java.util.List;

/** Where an entry's content came from: the tickets and messages it was learned from, or the file it was imported from. */
public record Provenance(List<String> ticketIds, List<String> messageIds, String importSource) {

  public Provenance {
    ticketIds = ticketIds == null ? List.of() : List.copyOf(ticketIds);
    messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
  }

  public static Provenance imported(String source) {
    return new Provenance(List.of(), List.of(), source);
  }

  /** This provenance with {@code ticketId} and {@code moreMessageIds} appended (each once). */
  public Provenance plusTicket(String ticketId, List<String> moreMessageIds) {
    java.util.LinkedHashSet<String> tickets = new java.util.LinkedHashSet<>(ticketIds);
    tickets.add(ticketId);
    java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>(messageIds);
    messages.addAll(moreMessageIds);
    return new Provenance(List.copyOf(tickets), List.copyOf(messages), importSource);
  }

  /** Whether this provenance names any of {@code tickets}. */
  public boolean namesAnyOf(java.util.Set<String> tickets) {
    return ticketIds.stream().anyMatch(tickets::contains);
  }

  public static Provenance learned(String ticketId, List<String> messageIds) {
    return new Provenance(List.of(ticketId), messageIds, null);
  }

  public static Provenance none() {
    return new Provenance(List.of(), List.of(), null);
  }
}
