package dev.vigil.starter.webhook;

/** A webhook body that is not a valid ticket event; {@code field} names the offending JSON path. */
public class InvalidEventException extends RuntimeException {
  private final String field;

  public InvalidEventException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
