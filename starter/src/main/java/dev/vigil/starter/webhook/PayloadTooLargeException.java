package dev.vigil.starter.webhook;

/** A webhook body over the configured size limit. */
public class PayloadTooLargeException extends RuntimeException {
  public PayloadTooLargeException(int limit) {
    super("body is larger than " + limit + " bytes");
  }
}
