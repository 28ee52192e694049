package dev.vigil.worker.temporal;

import dev.vigil.client.temporal.LocalTemporalServer;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Temporal dev server of the embedded default: real time, in memory, reachable over gRPC on its port
 * so a second worker or the Temporal CLI can connect. Its state ends with the process.
 *
 * <p>The dev server has no TLS and no authentication: whoever reaches its port can read every ticket's history,
 * signal events past the webhook's signature, and poll the task queues as a rogue worker. So it listens on the
 * loopback address unless told otherwise. {@code TestServer.createPortBoundServer} would bind every interface, which
 * is why the test server's services are put behind a gRPC server bound here instead.
 */
public final class EmbeddedTemporalServer implements LocalTemporalServer, AutoCloseable {
  /** The address the dev server binds unless {@code VIGIL_TEMPORAL_DEV_BIND} says otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServicesStarter services;
  private final Server server;
  private final InetSocketAddress bound;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server, InetSocketAddress bound) {
    this.services = services;
    this.server = server;
    this.bound = bound;
  }

  /** Starts the dev server on loopback at {@code port}, or on a free port when it is 0. */
  public static EmbeddedTemporalServer start(int port) {
    return start(LOOPBACK, port);
  }

  /**
   * Starts the dev server bound to {@code bindAddress} (an IP address or host name; {@code 0.0.0.0} or {@code ::}
   * for every interface) at {@code port}, or on a free port when it is 0.
   */
  public static EmbeddedTemporalServer start(String bindAddress, int port) {
    InetAddress address = resolve(bindAddress);
    // time skipping locked: the embedded default runs in real time, like a real cluster
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, port),
        InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException | RuntimeException e) {
      services.close();
      throw new IllegalStateException("cannot start the embedded Temporal dev server on "
          + address.getHostAddress() + ":" + port
          + " (is another Temporal server running? set VIGIL_TEMPORAL_DEV_PORT or VIGIL_TEMPORAL_TARGET)", e);
    }
    InetSocketAddress bound;
    try {
      bound = boundAddress(server);
    } catch (RuntimeException e) {
      server.shutdownNow();
      services.close();
      throw e;
    }
    if (address.isAnyLocalAddress()) {
      log.warn("embedded Temporal dev server listening on every interface, port {} (VIGIL_TEMPORAL_DEV_BIND={}): "
          + "it has no TLS and no authentication, so anyone who reaches this port can read and change every ticket",
          bound.getPort(), bindAddress);
    } else if (!address.isLoopbackAddress()) {
      log.warn("embedded Temporal dev server listening on {}:{} (VIGIL_TEMPORAL_DEV_BIND): it has no TLS and no "
          + "authentication, so anyone who reaches this address can read and change every ticket",
          address.getHostAddress(), bound.getPort());
    }
    log.info("embedded Temporal dev server listening on {} (in memory; state ends with this process)",
        hostPort(bound.getAddress(), bound.getPort()));
    return new EmbeddedTemporalServer(services, server, bound);
  }

  @Override
  public String target() {
    return hostPort(clientAddress(bound.getAddress()), bound.getPort());
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return bound.getPort();
  }

  /** The address and port the server's socket is bound to. */
  public InetSocketAddress boundAddress() {
    return bound;
  }

  /**
   * The address a client on this machine dials to reach a dev server bound to {@code bindAddress}: the bound
   * address itself, or loopback when it binds every interface.
   */
  public static String clientHost(String bindAddress) {
    return clientAddress(resolve(bindAddress)).getHostAddress();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("embedded Temporal dev server did not stop within 5 s; forcing it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      services.close();
      server.shutdownNow();
    }
    log.info("embedded Temporal dev server stopped");
  }

  private static InetAddress clientAddress(InetAddress bound) {
    return bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
  }

  private static String hostPort(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  private static InetAddress resolve(String bindAddress) {
    String host = bindAddress == null || bindAddress.isBlank() ? LOOPBACK : bindAddress.strip();
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("VIGIL_TEMPORAL_DEV_BIND is not an address of this machine: " + host, e);
    }
  }

  private static InetSocketAddress boundAddress(Server server) {
    List<? extends SocketAddress> sockets = server.getListenSockets();
    if (sockets.size() != 1 || !(sockets.get(0) instanceof InetSocketAddress bound)) {
      throw new UncheckedIOException(new IOException("the dev server listens on unexpected sockets: " + sockets));
    }
    return bound;
  }
}
