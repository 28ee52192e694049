package dev.vigil.workflows.learning;

/** One redacted turn of a closed ticket's dialogue: {@code role} is customer, analyst, vigil or system. */
public record CaseTurn(String messageId, String role, String text) {

  public boolean fromCustomer() {
    return "customer".equals(role);
  }

  public boolean fromAnalyst() {
    return "analyst".equals(role);
  }
}
