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
 * A recording fake of the four vendors' comment and ticket-update APIs over real HTTP on loopback: it answers each
 * create the way the vendor documents (the new comment's id where the vendor puts it), applies ticket updates (Jira's
 * workflow of Open, In Progress, Resolved and Closed with its transitions; GitHub's labels), records every request,
 * and can be told to answer the next requests with failures (429 with Retry-After, 5xx, 4xx) first.
 */
public final class FakeVendorApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ZENDESK = Pattern.compile("/api/v2/tickets/([^/]+)\\.json");
  private static final Pattern JIRA = Pattern.compile("/rest/servicedeskapi/request/([^/]+)/comment");
  private static final Pattern ZAMMAD = Pattern.compile("/api/v1/ticket_articles");
  private static final Pattern GITHUB = Pattern.compile("(/api/v3)?/repos/([^/]+)/([^/]+)/issues/(\\d+)/comments");
  private static final Pattern JIRA_ISSUE = Pattern.compile("/rest/api/3/issue/([^/]+)(/assignee|/transitions)?");
  private static final Pattern ZAMMAD_TICKET = Pattern.compile("/api/v1/tickets/(\\d+)");
  private static final Pattern GITHUB_ISSUE = Pattern.compile("(/api/v3)?/repos/([^/]+)/([^/]+)/issues/(\\d+)");
  /** Jira's fake workflow: status → its category and the transitions out of it (id, name, target). */
  private static final Map<String, String> JIRA_CATEGORY = Map.of("Open", "new", "In Progress", "indeterminate",
      "Resolved", "done", "Closed", "done");
  private static final Map<String, List<String[]>> JIRA_TRANSITIONS = Map.of(
      "Open", List.<String[]>of(new String[] {"11", "Start progress", "In Progress"},
          new String[] {"21", "Resolve", "Resolved"}, new String[] {"31", "Close", "Closed"}),
      "In Progress", List.<String[]>of(new String[] {"21", "Resolve", "Resolved"},
          new String[] {"31", "Close", "Closed"}),
      "Resolved", List.<String[]>of(new String[] {"31", "Close", "Closed"}, new String[] {"41", "Reopen", "Open"}),
      "Closed", List.<String[]>of(new String[] {"41", "Reopen", "Open"}));

  /** One request the fake received; {@code createdId} is the comment it created (null when it failed it). */
  public record Recorded(String system, String method, String path, String ticketId, Map<String, String> headers,
      JsonNode body, String createdId, int status) {}

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

  /**
   * The ticket updates (status, assignee, priority) {@code system} applied to {@code ticketId}: every successful
   * request that changed something other than comments.
   */
  public synchronized List<Recorded> changes(String system, String ticketId) {
    return requests.stream().filter(r -> r.system().equals(system) && r.ticketId().equals(ticketId)
        && !r.method().equals("GET") && r.createdId() == null && r.status() < 300).toList();
  }

  /** Jira: the issue's current status in the fake workflow (Open until a transition). */
  public synchronized String jiraStatus(String key) {
    return jiraStatuses.getOrDefault(key, "Open");
  }

  /** Jira: puts the issue into {@code status} of the fake workflow. */
  public synchronized void jiraStatus(String key, String status) {
    jiraStatuses.put(key, status);
  }

  /** GitHub: the issue's labels. */
  public synchronized List<String> githubLabels(String ticketId) {
    return List.copyOf(githubLabels.getOrDefault(ticketId, List.of()));
  }

  /** GitHub: gives the issue these labels. */
  public synchronized void githubLabels(String ticketId, List<String> labels) {
    githubLabels.put(ticketId, new ArrayList<>(labels));
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
  private final Map<String, String> jiraStatuses = new java.util.HashMap<>();
  private final Map<String, List<String>> githubLabels = new java.util.HashMap<>();

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
    String method = exchange.getRequestMethod();
    Map<String, String> headers = new java.util.HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    byte[] raw = exchange.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
    Matcher m;
    if ((m = JIRA_ISSUE.matcher(path)).matches()) {
      jiraIssue(exchange, method, path, m.group(1), m.group(2), headers, body);
      return;
    }
    if ((m = ZAMMAD_TICKET.matcher(path)).matches() && method.equals("PUT")) {
      change(exchange, "zammad", method, path, m.group(1), headers, body, 200,
          "{\"id\":" + m.group(1) + "}");
      return;
    }
    if ((m = GITHUB_ISSUE.matcher(path)).matches() && !path.endsWith("/comments")) {
      githubIssue(exchange, method, path, m.group(2) + ":" + m.group(3) + "#" + m.group(4), headers, body);
      return;
    }
    if ((m = ZENDESK.matcher(path)).matches() && method.equals("PUT")
        && body.path("ticket").path("comment").isMissingNode()) {
      change(exchange, "zendesk", method, path, m.group(1), headers, body, 200,
          "{\"ticket\":{\"id\":" + m.group(1) + "}}");
      return;
    }
    if (method.equals("GET")) {
      Failure failure;
      synchronized (this) {
        failure = failures.poll();
        requests.add(new Recorded("read", "GET", path, "", Map.of(), null, null, failure == null ? 200
            : failure.status()));
      }
      if (failure != null) {
        answer(exchange, failure.status(), failure.headers(), "{\"error\":\"scripted\"}");
        return;
      }
      JsonNode out = read(path, exchange.getRequestURI().getQuery());
      answer(exchange, out == null ? 404 : 200, Map.of(), out == null ? "{}" : out.toString());
      return;
    }
    String system;
    String ticketId;
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
        requests.add(new Recorded(system, exchange.getRequestMethod(), path, ticketId, headers, body, null,
            failure.status()));
      }
      answer(exchange, failure.status(), failure.headers(), "{\"error\":\"scripted\"}");
      return;
    }
    String id = String.valueOf(ids.incrementAndGet());
    synchronized (this) {
      requests.add(new Recorded(system, exchange.getRequestMethod(), path, ticketId, headers, body, id,
          system.equals("zendesk") ? 200 : 201));
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

  /** A scripted failure for this request, recorded with it; null when the request goes through. */
  private synchronized Failure failureFor(String system, String method, String path, String ticketId,
      Map<String, String> headers, JsonNode body) {
    Failure failure = failures.poll();
    if (failure != null) {
      requests.add(new Recorded(system, method, path, ticketId, headers, body, null, failure.status()));
    }
    return failure;
  }

  /** A ticket update that answers {@code answer} (after any scripted failure). */
  private void change(HttpExchange exchange, String system, String method, String path, String ticketId,
      Map<String, String> headers, JsonNode body, int status, String answer) throws IOException {
    Failure failure = failureFor(system, method, path, ticketId, headers, body);
    if (failure != null) {
      answer(exchange, failure.status(), failure.headers(), "{\"error\":\"scripted\"}");
      return;
    }
    synchronized (this) {
      requests.add(new Recorded(system, method, path, ticketId, headers, body, null, status));
    }
    answer(exchange, status, Map.of(), answer);
  }

  /** Jira's issue routes: status read, transitions list and apply, assignee and field updates. */
  private void jiraIssue(HttpExchange exchange, String method, String path, String key, String sub,
      Map<String, String> headers, JsonNode body) throws IOException {
    Failure failure = failureFor("jira", method, path, key, headers, body);
    if (failure != null) {
      answer(exchange, failure.status(), failure.headers(), "{\"errorMessages\":[\"scripted\"]}");
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    int status = 204;
    synchronized (this) {
      String current = jiraStatuses.getOrDefault(key, "Open");
      if (method.equals("GET") && sub == null) {
        ObjectNode state = out.putObject("fields").putObject("status");
        state.put("name", current).putObject("statusCategory").put("key", JIRA_CATEGORY.get(current));
        status = 200;
      } else if (method.equals("GET") && "/transitions".equals(sub)) {
        var list = out.putArray("transitions");
        for (String[] t : JIRA_TRANSITIONS.get(current)) {
          ObjectNode transition = list.addObject().put("id", t[0]).put("name", t[1]);
          transition.putObject("to").put("name", t[2]).putObject("statusCategory")
              .put("key", JIRA_CATEGORY.get(t[2]));
        }
        status = 200;
      } else if (method.equals("POST") && "/transitions".equals(sub)) {
        String id = body.path("transition").path("id").asText();
        String[] chosen = JIRA_TRANSITIONS.get(current).stream().filter(t -> t[0].equals(id)).findFirst()
            .orElse(null);
        if (chosen == null) {
          status = 400;
          out.putArray("errorMessages").add("Transition id '" + id + "' is not valid for this issue.");
        } else {
          jiraStatuses.put(key, chosen[2]);
        }
      } else if (!method.equals("PUT")) {
        status = 405;
      }
      requests.add(new Recorded("jira", method, path, key, headers, body, null, status));
    }
    answer(exchange, status, Map.of(), status == 204 ? "" : out.toString());
  }

  /** A GitHub issue: read (with its labels) or updated. */
  private void githubIssue(HttpExchange exchange, String method, String path, String ticketId,
      Map<String, String> headers, JsonNode body) throws IOException {
    Failure failure = failureFor("github", method, path, ticketId, headers, body);
    if (failure != null) {
      answer(exchange, failure.status(), failure.headers(), "{\"message\":\"scripted\"}");
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    synchronized (this) {
      if (method.equals("PATCH") && body.has("labels")) {
        List<String> labels = new ArrayList<>();
        body.path("labels").forEach(l -> labels.add(l.asText()));
        githubLabels.put(ticketId, labels);
      }
      out.put("number", Long.parseLong(ticketId.substring(ticketId.indexOf('#') + 1)));
      var labels = out.putArray("labels");
      githubLabels.getOrDefault(ticketId, List.of()).forEach(l -> labels.addObject().put("name", l));
      requests.add(new Recorded("github", method, path, ticketId, headers, body, null, 200));
    }
    answer(exchange, 200, Map.of(), out.toString());
  }

  private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
