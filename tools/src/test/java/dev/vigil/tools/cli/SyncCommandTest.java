package dev.vigil.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./vigil sync} reads the running Vigil's stream of synced tickets and prints its summary. */
class SyncCommandTest {

  private static HttpServer vigil(int status, String body) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/actuator/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/api/v1/sync/zendesk", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/x-ndjson" : "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static int run(HttpServer server, StringWriter out, StringWriter err) throws Exception {
    picocli.CommandLine cli = VigilCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute("sync", "--source", "zendesk", "--since", "7d", "--url",
        "http://127.0.0.1:" + server.getAddress().getPort(), "--password-file", writePassword());
  }

  @Test
  void printsTheSummary_andExitsThreeWhenTicketsWereSkipped() throws Exception {
    HttpServer server = vigil(200, "{\"ticket\":\"101\",\"tickets\":1,\"events\":3}\n"
        + "{\"ticket\":\"102\",\"tickets\":2,\"events\":5}\n"
        + "{\"summary\":{\"source\":\"zendesk\",\"tickets\":2,\"events\":5,\"skipped\":[\"102: archived\"]}}\n");
    try {
      StringWriter out = new StringWriter();
      assertThat(run(server, out, new StringWriter())).isEqualTo(VigilCli.PARTIAL);
      assertThat(out.toString()).contains("synced zendesk: 2 open tickets, 5 events", "skipped 102: archived");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRefusalIsAFailureNamingWhy() throws Exception {
    HttpServer server = vigil(400, "{\"error\":\"bad_request\",\"message\":\"cannot sync zendesk: its API is not "
        + "configured (configured: )\"}");
    try {
      StringWriter err = new StringWriter();
      assertThat(run(server, new StringWriter(), err)).isEqualTo(1);
      assertThat(err.toString()).contains("its API is not configured");
    } finally {
      server.stop(0);
    }
  }

  private static String writePassword() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("vigil-admin", ".txt");
    java.nio.file.Files.writeString(file, "pw\n");
    return file.toString();
  }
}
