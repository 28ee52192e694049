package dev.vigil.client.temporal;

/**
 * A Temporal server this process runs itself (the embedded dev server). When one is present, this process's clients
 * dial it instead of {@code vigil.temporal.target}.
 */
public interface LocalTemporalServer {

  /** The host:port a client in this process dials. */
  String target();
}
