package dev.vigil.workflows.ticket;

/**
 * What an event says about the ticket itself. Every field but {@code id} may be null: an event carries only what
 * changed or what the ticketing system chose to send, and {@link #mergeInto} keeps what is already known.
 */
public record TicketFacts(
    String id, String subject, String description, Priority priority, String product, Customer customer) {

  public static TicketFacts onlyId(String id) {
    return new TicketFacts(id, null, null, null, null, null);
  }

  /** These facts laid over {@code known}: fields present here win, absent ones keep the known value. */
  public TicketFacts mergeInto(TicketFacts known) {
    if (known == null) {
      return this;
    }
    return new TicketFacts(
        known.id(),
        firstNonNull(subject, known.subject()),
        firstNonNull(description, known.description()),
        firstNonNull(priority, known.priority()),
        firstNonNull(product, known.product()),
        mergeCustomer(customer, known.customer()));
  }

  private static Customer mergeCustomer(Customer update, Customer known) {
    if (update == null) {
      return known;
    }
    if (known == null) {
      return update;
    }
    return new Customer(
        firstNonNull(update.id(), known.id()),
        firstNonNull(update.tenant(), known.tenant()),
        firstNonNull(update.name(), known.name()),
        firstNonNull(update.email(), known.email()));
  }

  private static <T> T firstNonNull(T a, T b) {
    return a != null ? a : b;
  }
}
