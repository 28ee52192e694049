package dev.vigil.worker.temporal;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Temporal dev server of the embedded default: real time, in memory, reachable over gRPC on its port
 * so a second worker or the Temporal CLI can connect. Its state ends with the process.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServer.PortBoundTestServer server;
  private final int port;

  private EmbeddedTemporalServer(TestServer.PortBoundTestServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the dev server on {@code port}, or on a free port when it is 0. */
  public static EmbeddedTemporalServer start(int port) {
    int chosen = port == 0 ? freePort() : port;
    TestServer.PortBoundTestServer server;
    try {
      server = TestServer.createPortBoundServer(chosen);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start the embedded Temporal dev server on port " + chosen
          + " (is another Temporal server running? set VIGIL_TEMPORAL_DEV_PORT or VIGIL_TEMPORAL_TARGET)", e);
    }
    log.info("embedded Temporal dev server listening on 127.0.0.1:{} (in memory; state ends with this process)",
        chosen);
    return new EmbeddedTemporalServer(server, chosen);
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.close();
    log.info("embedded Temporal dev server stopped");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
