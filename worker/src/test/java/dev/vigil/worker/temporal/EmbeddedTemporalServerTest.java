package dev.vigil.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded dev server answers on loopback and listens on nothing else. Only loopback is ever dialled here. */
class EmbeddedTemporalServerTest {

  private static final String TCP_LISTEN = "0A";

  @Test
  void givenDefaultBind_itAnswersOnLoopback_andItsSocketIsBoundToLoopbackOnly() throws IOException {
    try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0)) {
      assertThat(server.boundAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(server.target()).isEqualTo("127.0.0.1:" + server.port());

      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        assertThat(stubs.healthCheck().getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance())).isNotNull();
      } finally {
        stubs.shutdownNow();
      }

      // what the kernel says, not what the server believes: every listening socket on the port is 127.0.0.1
      assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc/net/tcp");
      List<String> listeners = listeningAddresses(server.port());
      assertThat(listeners).containsExactly("127.0.0.1");
    }
  }

  @Test
  void givenAnAddressThatIsNotOurs_itRefusesToStart_namingTheSetting() {
    assertThatThrownBy(() -> EmbeddedTemporalServer.start("no-such-host.invalid", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VIGIL_TEMPORAL_DEV_BIND");
  }

  @Test
  void clientsDialLoopback_whenTheServerBindsEveryInterface() {
    assertThat(EmbeddedTemporalServer.clientHost("0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(EmbeddedTemporalServer.clientHost("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(EmbeddedTemporalServer.clientHost("")).isEqualTo("127.0.0.1");
  }

  /** Local addresses of the sockets listening on {@code port}, from /proc/net/tcp and /proc/net/tcp6. */
  private static List<String> listeningAddresses(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      List<String> lines = Files.readAllLines(path);
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        String[] local = fields[1].split(":");
        if (Integer.parseInt(local[1], 16) == port && TCP_LISTEN.equals(fields[3])) {
          addresses.add(decode(local[0]));
        }
      }
    }
    return addresses;
  }

  /** /proc/net/tcp prints IPv4 addresses as one little-endian hex word, IPv6 as four of them. */
  private static String decode(String hex) {
    if (hex.length() == 8) {
      return ipv4(hex);
    }
    if (hex.startsWith("0000000000000000FFFF0000")) {
      return ipv4(hex.substring(24));
    }
    return hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
  }

  private static String ipv4(String hex) {
    long value = Long.parseLong(hex, 16);
    return (value & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 24) & 0xFF);
  }
}
