package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * A ticket summarised for someone joining it: an overview, the decisions taken so far, and the open items with who
 * owes them.
 */
public record CaseSummary(String overview, List<String> decisions, List<OpenItem> openItems) {

  /** Something still to be done, and by whom ({@code support}, an analyst's name, or {@code customer}). */
  public record OpenItem(String item, String owner) {}
}
