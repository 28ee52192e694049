package dev.vigil.workflows.assistant;

import java.util.List;

/**
 * One assistant turn on the customer turns batched since the last.
 *
 * @param answer whether to look for an answer at all (false: an analyst already replied; only the risk rules run)
 * @param offeredAnswers the answers already offered on the ticket, for repeat suppression
 * @param citedBefore the entries already cited on the ticket
 */
public record AssessRequest(String ticketId, String tenant, String customerId, String subject, String product,
    List<String> customerTurns, boolean answer, List<String> offeredAnswers, List<String> citedBefore) {

  public AssessRequest {
    customerTurns = List.copyOf(customerTurns);
    offeredAnswers = List.copyOf(offeredAnswers);
    citedBefore = List.copyOf(citedBefore);
  }

  /** The same turn for the risk rules alone. */
  public AssessRequest withoutAnswer() {
    return new AssessRequest(ticketId, tenant, customerId, subject, product, customerTurns, false, offeredAnswers,
        citedBefore);
  }
}
