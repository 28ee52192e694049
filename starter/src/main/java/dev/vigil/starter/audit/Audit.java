package dev.vigil.starter.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's audit trail of destructive operations: one line each on the {@code vigil.audit} logger, which operators
 * route to their log store. Lines name what was removed (counts, entry ids, opaque keys), never personal data.
 */
public final class Audit {
  private static final Logger log = LoggerFactory.getLogger("vigil.audit");

  private Audit() {}

  public static void record(String line) {
    log.info(line);
  }
}
