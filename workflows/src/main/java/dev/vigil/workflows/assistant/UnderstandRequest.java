package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * The customer turns to understand (oldest first, batched when several arrived together), the ticket subject, and the
 * context they were written in.
 *
 * @param product the ticket's product, or null
 * @param earlierTurns the dialogue before {@code customerTurns} (the last few customer and analyst turns, oldest
 *     first): a follow-up such as "still failing after the update" is understood with the problem it follows up on
 */
public record UnderstandRequest(String ticketId, String tenant, String subject, List<String> customerTurns,
    String product, List<DialogueTurn> earlierTurns) {

  public UnderstandRequest {
    customerTurns = customerTurns == null ? List.of() : List.copyOf(customerTurns);
    earlierTurns = earlierTurns == null ? List.of() : List.copyOf(earlierTurns);
  }

  /** A request without context (no product, no earlier turns). */
  public UnderstandRequest(String ticketId, String tenant, String subject, List<String> customerTurns) {
    this(ticketId, tenant, subject, customerTurns, null, List.of());
  }
}
