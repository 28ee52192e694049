package dev.vigil.activities.connector;

/**
 * A change made in Vigil that cannot be written to the ticketing system as configured (no vendor user for the
 * analyst, no transition to the status): recorded on the ticket as not sent, with this reason, instead of guessed.
 */
public final class ChangeNotWritable extends RuntimeException {
  public ChangeNotWritable(String reason) {
    super(reason);
  }
}
