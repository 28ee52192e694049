package dev.vigil.activities.knowledge;

/** An update that named a version other than the stored one: someone else changed the entry first. */
public class StaleVersionException extends RuntimeException {
  private final String id;
  private final long expected;
  private final long actual;

  public StaleVersionException(String id, long expected, long actual) {
    super("entry " + id + " is at version " + actual + ", not " + expected + (actual == 0 ? " (it does not exist)"
        : expected == 0 ? " (it already exists)" : ""));
    this.id = id;
    this.expected = expected;
    this.actual = actual;
  }

  public String id() {
    return id;
  }

  public long expected() {
    return expected;
  }

  public long actual() {
    return actual;
  }
}
