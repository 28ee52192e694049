package dev.vigil.tools.cli;

import static dev.vigil.tools.cli.CliEnvironment.vigilUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Rebuilds open tickets from the system of record through the running Vigil, which holds the system's API
 * credentials: every open ticket updated since {@code --since} and its comments are delivered as events with their
 * original ids, so a second sync changes nothing.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Resync open tickets and their comments from a ticketing system's API into the running Vigil "
        + "(at VIGIL_URL, as admin: VIGIL_ADMIN_PASSWORD or the embedded mode's generated password).",
        "Idempotent: events keep the system's own ids, so a second sync changes nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failure (Vigil not reachable, the system's API failed)", "2:usage error",
        "3:done, but some tickets were skipped (listed)"})
final class SyncCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "SYSTEM",
      description = "zendesk, jira, zammad or github (its API settings must be set on the running Vigil)")
  String source;

  @Option(names = "--since", defaultValue = "30d", paramLabel = "WHEN",
      description = "tickets updated since: a duration back from now (30d, 12h) or a date (2026-11-01) "
          + "(default: ${DEFAULT-VALUE})")
  String since;

  @Option(names = "--url", paramLabel = "URL",
      description = "the running Vigil (default: VIGIL_URL, else http://127.0.0.1:VIGIL_PORT)")
  String url;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "a file holding the admin password (default: VIGIL_ADMIN_PASSWORD, else the embedded mode's "
          + "generated one)")
  Path passwordFile;

  @Override
  public Integer call() throws Exception {
    if (!source.matches("zendesk|jira|zammad|github")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--source must be zendesk, jira, zammad or github");
    }
    String url = this.url == null || this.url.isBlank() ? vigilUrl() : this.url.replaceAll("/+$", "");
    String password = passwordFile == null ? CliEnvironment.adminPassword()
        : Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    if (!RemoteKnowledgeImporter.reachable(url)) {
      throw new IllegalStateException("no Vigil answers at " + url + ": start it (./vigil run) or set VIGIL_URL");
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/sync/" + source + "?since="
            + URLEncoder.encode(since, StandardCharsets.UTF_8)))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    HttpResponse<InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        .send(request, HttpResponse.BodyHandlers.ofInputStream());
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
        StandardCharsets.UTF_8))) {
      if (response.statusCode() != 200) {
        String body = lines.lines().reduce("", (a, b) -> a + b);
        JsonNode error = body.startsWith("{") ? JSON.readTree(body) : null;
        throw new IllegalStateException("Vigil refused the sync (" + response.statusCode() + "): "
            + (error != null && error.has("message") ? error.get("message").asText() : body));
      }
      ProgressBar progress = new ProgressBar(System.err, "sync " + source, 0);
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode item = JSON.readTree(line);
        if (item.has("summary")) {
          progress.finish();
          JsonNode summary = item.get("summary");
          out.println("synced " + source + ": " + summary.get("tickets").asInt() + " open tickets, "
              + summary.get("events").asInt() + " events delivered (already applied ones change nothing), "
              + summary.get("skipped").size() + " skipped");
          summary.get("skipped").forEach(s -> out.println("  skipped " + s.asText()));
          return summary.get("skipped").isEmpty() ? 0 : VigilCli.PARTIAL;
        }
        progress.count(item.get("tickets").asLong(), "tickets, " + item.get("events").asLong() + " events", 25);
      }
    } catch (IOException e) {
      throw new IllegalStateException("the sync stream broke off: " + e.getMessage(), e);
    }
    throw new IllegalStateException("the sync ended without a summary (Vigil's log says why); run it again: "
        + "it is idempotent");
  }
}
