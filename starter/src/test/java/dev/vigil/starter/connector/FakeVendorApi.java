package dev.vigil.starter.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording fake of the four vendors' comment APIs over real HTTP on loopback: it answers each create the way the
 * vendor documents (the new comment's id where the vendor puts it), records every request, and can be told to
 * answer the next requests with failures (429 with Retry-After, 5xx, 4xx) first.
 */
public final class FakeVendorApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ZENDESK = Pattern.compile("/api/v2/tickets/([^/]+)\\.json");
  private static final Pattern JIRA = Pattern.compile("/rest/servicedeskapi/request/([^/]+)/comment");
  private static final Pattern ZAMMAD = Pattern.compile("/api/v1/ticket_articles");
  private static final Pattern GITHUB = Pattern.compile("(/api/v3)?/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");

  /** One request the fake received; {@code createdId} is the comment it created (null when it failed it). */
  public record Recorded(String system, String method, String path, String ticketId, Map<String, String> headers,
      JsonNode body, String createdId) {}

  /** A scripted failure: status and extra headers. */
  public record Failure(int status, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Recorded> requests = new ArrayList<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong(900_000);

  public FakeVendorApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized void failNext(int status, Map<String, String> headers) {
    failures.add(new Failure(status, headers));
  }

  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The comments created on {@code ticketId} of {@code system}. */
  public synchronized List<Recorded> created(String system, String ticketId) {
    return requests.stream().filter(r -> r.system().equals(system) && r.ticketId().equals(ticketId)
        && r.createdId() != null).toList();
  }

  public synchronized void reset() {
    requests.clear();
    failures.clear();
  }

  private final List<JsonNode> zendeskTickets = new ArrayList<>();
  private final Map<String, List<JsonNode>> zendeskComments = new java.util.HashMap<>();
  private final List<JsonNode> zendeskUsers = new ArrayList<>();
  private final Map<String, List<JsonNode>> githubIssues = new java.util.HashMap<>();
  private final Map<String, List<JsonNode>> githubComments = new java.util.HashMap<>();

  /** A Zendesk ticket the search finds, with its comments and their authors (users with a {@code role}). */
  public synchronized void seedZendesk(JsonNode ticket, List<JsonNode> comments, List<JsonNode> users) {
    zendeskTickets.add(ticket);
    zendeskComments.put(ticket.path("id").asText(), comments);
    zendeskUsers.addAll(users);
  }

  private final List<JsonNode> jiraIssues = new ArrayList<>();
  private final Map<String, List<JsonNode>> jiraComments = new java.util.HashMap<>();
  private final List<JsonNode> zammadTickets = new ArrayList<>();
  private final Map<String, List<JsonNode>> zammadArticles = new java.util.HashMap<>();

  private final Map<String, JsonNode> zendeskPeople = new java.util.HashMap<>();

  /** A Zendesk user {@code GET /api/v2/users/{id}.json} answers. */
  public synchronized void seedZendeskUser(JsonNode user) {
    zendeskPeople.put(user.path("id").asText(), user);
  }

  /** A Jira issue the JQL search finds, with its Service Management comments. */
  public synchronized void seedJira(JsonNode issue, List<JsonNode> comments) {
    jiraIssues.add(issue);
    jiraComments.put(issue.path("key").asText(), comments);
  }

  /** A Zammad ticket the search finds, with its articles. */
  public synchronized void seedZammad(JsonNode ticket, List<JsonNode> articles) {
    zammadTickets.add(ticket);
    zammadArticles.put(ticket.path("id").asText(), articles);
  }

  /** An open issue of {@code owner/repo} with its comments. */
  public synchronized void seedGitHub(String repository, JsonNode issue, List<JsonNode> comments) {
    githubIssues.computeIfAbsent(repository, r -> new ArrayList<>()).add(issue);
    githubComments.put(repository + "#" + issue.path("number").asText(), comments);
  }

  /** The GET routes a resync reads; Zendesk's search pages one ticket at a time, to exercise next_page. */
  private synchronized JsonNode read(String path, String query) {
    Matcher m;
    if (path.equals("/api/v2/search.json")) {
      int page = query != null && query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*",
          "$1")) : 1;
      ObjectNode out = JSON.createObjectNode();
      var results = out.putArray("results");
      if (page <= zendeskTickets.size()) {
        results.add(zendeskTickets.get(page - 1));
      }
      out.put("next_page", page < zendeskTickets.size() ? url() + "/api/v2/search.json?query=x&page=" + (page + 1)
          : null);
      return out;
    }
    if ((m = Pattern.compile("/api/v2/tickets/([^/]+)/comments\\.json").matcher(path)).matches()) {
      ObjectNode out = JSON.createObjectNode();
      zendeskComments.getOrDefault(m.group(1), List.of()).forEach(out.putArray("comments")::add);
      zendeskUsers.forEach(out.withArray("users")::add);
      out.putNull("next_page");
      return out;
    }
    if ((m = Pattern.compile("/api/v2/users/(\\d+)\\.json").matcher(path)).matches()) {
      JsonNode user = zendeskPeople.get(m.group(1));
      if (user == null) {
        return null;
      }
      ObjectNode out = JSON.createObjectNode();
      out.set("user", user);
      return out;
    }
    if (path.equals("/rest/api/3/search/jql")) {
      // one issue a page, to exercise nextPageToken
      int page = query != null && query.contains("nextPageToken=")
          ? Integer.parseInt(query.replaceAll(".*nextPageToken=p(\\d+).*", "$1")) : 1;
      ObjectNode out = JSON.createObjectNode();
      var issues = out.putArray("issues");
      if (page <= jiraIssues.size()) {
        issues.add(jiraIssues.get(page - 1));
      }
      boolean last = page >= jiraIssues.size();
      out.put("isLast", last);
      if (!last) {
        out.put("nextPageToken", "p" + (page + 1));
      }
      return out;
    }
    if ((m = Pattern.compile("/rest/servicedeskapi/request/([^/]+)/comment").matcher(path)).matches()) {
      ObjectNode out = JSON.createObjectNode();
      jiraComments.getOrDefault(m.group(1), List.of()).forEach(out.putArray("values")::add);
      out.put("isLastPage", true);
      return out;
    }
    if (path.equals("/api/v1/tickets/search")) {
      var out = JSON.createArrayNode();
      zammadTickets.forEach(out::add);
      return out;
    }
    if ((m = Pattern.compile("/api/v1/ticket_articles/by_ticket/(\\d+)").matcher(path)).matches()) {
      var out = JSON.createArrayNode();
      zammadArticles.getOrDefault(m.group(1), List.of()).forEach(out::add);
      return out;
    }
    if ((m = Pattern.compile("(/api/v3)?/repos/([^/]+/[^/]+)/issues").matcher(path)).matches()) {
      var out = JSON.createArrayNode();
      githubIssues.getOrDefault(m.group(2), List.of()).forEach(out::add);
      return out;
    }
    if ((m = Pattern.compile("(/api/v3)?/repos/([^/]+/[^/]+)/issues/(\\d+)/comments").matcher(path)).matches()) {
      var out = JSON.createArrayNode();
      githubComments.getOrDefault(m.group(2) + "#" + m.group(3), List.of()).forEach(out::add);
      return out;
    }
    return null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("GET")) {
      Failure failure;
      synchronized (this) {
        failure = failures.poll();
        requests.add(new Recorded("read", "GET", path, "", Map.of(), null, null));
      }
      if (failure != null) {
        answer(exchange, failure.status(), failure.headers(), "{\"error\":\"scripted\"}");
        return;
      }
      JsonNode out = read(path, exchange.getRequestURI().getQuery());
      answer(exchange, out == null ? 404 : 200, Map.of(), out == null ? "{}" : out.toString());
      return;
    }
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    Map<String, String> headers = new java.util.HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    String system;
    String ticketId;
    Matcher m;
    if ((m = ZENDESK.matcher(path)).matches() && exchange.getRequestMethod().equals("PUT")) {
      system = "zendesk";
      ticketId = m.group(1);
    } else if ((m = JIRA.matcher(path)).matches() && exchange.getRequestMethod().equals("POST")) {
      system = "jira";
      ticketId = m.group(1);
    } else if (ZAMMAD.matcher(path).matches() && exchange.getRequestMethod().equals("POST")) {
      system = "zammad";
      ticketId = body.path("ticket_id").asText();
    } else if ((m = GITHUB.matcher(path)).matches() && exchange.getRequestMethod().equals("POST")) {
      system = "github";
      ticketId = m.group(2) + ":" + m.group(3) + "#" + m.group(4);
    } else {
      answer(exchange, 404, Map.of(), "{\"error\":\"no such route " + path + "\"}");
      return;
    }
    Failure failure;
    synchronized (this) {
      failure = failures.poll();
    }
    if (failure != null) {
      synchronized (this) {
        requests.add(new Recorded(system, exchange.getRequestMethod(), path, ticketId, headers, body, null));
      }
      answer(exchange, failure.status(), failure.headers(), "{\"error\":\"scripted\"}");
      return;
    }
    String id = String.valueOf(ids.incrementAndGet());
    synchronized (this) {
      requests.add(new Recorded(system, exchange.getRequestMethod(), path, ticketId, headers, body, id));
    }
    ObjectNode out = JSON.createObjectNode();
    switch (system) {
      case "zendesk" -> {
        out.putObject("ticket").put("id", Long.parseLong(ticketId));
        out.putObject("audit").putArray("events").addObject().put("id", Long.parseLong(id)).put("type", "Comment")
            .put("body", body.path("ticket").path("comment").path("body").asText())
            .put("public", body.path("ticket").path("comment").path("public").asBoolean());
      }
      case "jira" -> out.put("id", id).put("body", body.path("body").asText())
          .put("public", body.path("public").asBoolean());
      case "zammad" -> out.put("id", Long.parseLong(id)).put("ticket_id", body.path("ticket_id").asLong())
          .put("body", body.path("body").asText()).put("internal", body.path("internal").asBoolean());
      default -> out.put("id", Long.parseLong(id)).put("body", body.path("body").asText());
    }
    answer(exchange, system.equals("zendesk") ? 200 : 201, Map.of(), out.toString());
  }

  private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
