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

  public static Provenance none() {
    return new Provenance(List.of(), List.of(), null);
  }
}
