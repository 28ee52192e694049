package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * One assistant turn on the customer turns batched since the last.
 *
 * @param answer whether to look for an answer at all (false: an analyst already replied; only the risk rules run)
 * @param offeredAnswers the answers already offered on the ticket, for repeat suppression
 * @param citedBefore the entries already cited on the ticket
 * @param earlierTurns the dialogue before {@code customerTurns} (the last few customer and analyst turns, oldest
 *     first), for understanding a follow-up
 */
public record AssessRequest(String ticketId, String tenant, String customerId, String subject, String product,
    List<String> customerTurns, boolean answer, List<String> offeredAnswers, List<String> citedBefore,
    List<DialogueTurn> earlierTurns) {

  public AssessRequest {
    customerTurns = List.copyOf(customerTurns);
    offeredAnswers = List.copyOf(offeredAnswers);
    citedBefore = List.copyOf(citedBefore);
    // absent in the input of a turn scheduled before the field existed
    earlierTurns = earlierTurns == null ? List.of() : List.copyOf(earlierTurns);
  }

  /** A turn without its earlier dialogue. */
  public AssessRequest(String ticketId, String tenant, String customerId, String subject, String product,
      List<String> customerTurns, boolean answer, List<String> offeredAnswers, List<String> citedBefore) {
    this(ticketId, tenant, customerId, subject, product, customerTurns, answer, offeredAnswers, citedBefore,
        List.of());
  }

  /** The same turn for the risk rules alone. */
  public AssessRequest withoutAnswer() {
    return new AssessRequest(ticketId, tenant, customerId, subject, product, customerTurns, false, offeredAnswers,
        citedBefore, earlierTurns);
  }
}
