package dev.vigil.activities.notify;

/** A webhook request whose signature is missing, malformed, wrong or outside the replay window. */
public class SignatureException extends RuntimeException {
  public SignatureException(String message) {
    super(message);
  }
}
