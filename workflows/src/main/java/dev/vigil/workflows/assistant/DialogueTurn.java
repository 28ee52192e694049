package dev.vigil.workflows.assistant;

/** One earlier turn of a ticket's dialogue as the understanding step sees it: {@code customer} or {@code analyst}. */
public record DialogueTurn(String role, String text) {
  public static final String CUSTOMER = "customer";
  public static final String ANALYST = "analyst";

  public boolean fromCustomer() {
    return CUSTOMER.equals(role);
  }
}
