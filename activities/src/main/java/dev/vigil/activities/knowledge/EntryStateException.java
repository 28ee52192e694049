package dev.vigil.activities.knowledge;

/** An operation that does not apply to an entry in its current status (e.g. restoring an entry that is not retired). */
public class EntryStateException extends IllegalStateException {
  public EntryStateException(String message) {
    super(message);
  }
}
