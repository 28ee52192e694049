package dev.vigil.starter.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.starter.connector.NativeHttp;
import dev.vigil.starter.connector.zendesk.ZendeskPayloads;
import dev.vigil.starter.support.EmbeddedVigilApplication;
import dev.vigil.testkit.http.VigilHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analyst UI and the customer status page in real headless Chromium against the whole embedded application
 * (in-process Temporal, worker, Lucene index, no LLM), with a recording ticketing system behind
 * {@code VIGIL_OUTBOUND_URL}. Screenshots of the ticket page, the dashboard, the status page and the knowledge
 * browser land in {@code starter/target/screenshots}.
 */
@SpringBootTest(
    classes = EmbeddedVigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.dev-port=0",
      "vigil.temporal.ui-url=http://localhost:8088",
      "vigil.data-dir=target/test-data/browser",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD,
      "vigil.security.users[0].username=olive",
      "vigil.security.users[0].password=olive-pw",
      "vigil.security.users[0].roles=operator",
      "vigil.security.users[1].username=andy",
      "vigil.security.users[1].password=andy-pw",
      "vigil.security.users[1].roles=analyst",
      "vigil.ui.poll-interval=200ms",
      "vigil.ui.queue-poll-interval=500ms",
      "vigil.connectors.zendesk.webhook-secret=" + AnalystUiBrowserTest.ZENDESK_SECRET
    })
class AnalystUiBrowserTest {
  static final String ZENDESK_SECRET = "browser-test-zendesk-secret";
  /** The ticketing system's side of the outbound channel: every delivery's idempotency key and body. */
  private static final List<String[]> DELIVERIES = new CopyOnWriteArrayList<>();
  private static final HttpServer RECEIVER = startReceiver();

  @LocalServerPort
  int port;

  private VigilHttp http;
  private Browser browser;

  @DynamicPropertySource
  static void outbound(DynamicPropertyRegistry registry) {
    registry.add("vigil.outbound.url", () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/vigil");
  }

  @BeforeEach
  void open() {
    http = new VigilHttp(port);
    browser = new Browser(port);
  }

  @AfterEach
  void quit() {
    browser.close();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop(0);
  }

  @Test
  void unauthenticatedPagesRedirectToTheLoginPage() {
    for (String page : List.of("/tickets", "/dashboard", "/knowledge", "/tickets/T-1")) {
      browser.open(page);
      assertThat(browser.path()).as(page).startsWith("/login");
      assertThat(browser.find("#login-form").isDisplayed()).isTrue();
    }
    browser.find("#username").sendKeys("andy");
    browser.find("#password").sendKeys("wrong");
    browser.find("#sign-in").click();
    // the click only starts the form's navigation: wait for the answer page
    browser.await(10, d -> d.getCurrentUrl().contains("?error"));
    assertThat(browser.path()).isEqualTo("/login?error");
    assertThat(browser.find(".error").getText()).contains("Wrong user name or password");
  }

  @Test
  void aCustomerMessageBecomesALiveSuggestion_adoptingItSendsExactlyOneMessage() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 6);
    assertThat(http.postAsAdmin("/api/v1/knowledge/import?source=faq.jsonl",
        "[{\"question\":\"How do I rotate the API key of a zq" + marker + " project?\","
            + "\"answer\":\"Open Project settings > API keys, choose Rotate, then update your clients with the new "
            + "key within 24 hours; the old key keeps working until then.\"}]").status()).isEqualTo(200);
    String id = "UI-" + marker;
    browser.signIn("andy", "andy-pw");
    browser.open("/tickets");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    js.executeScript("window.vigilSamePage = true;");
    http.webhook(VigilHttp.created(id, "API key rotation", "acme"));
    browser.await(10, d -> d.findElements(By.cssSelector("tr[data-ticket='" + id + "']")).size() == 1);
    assertThat(js.executeScript("return window.vigilSamePage === true")).as("the queue is live").isEqualTo(true);
    browser.click("tr[data-ticket='" + id + "'] a");
    browser.await(10, d -> browser.path().equals("/tickets/" + id));
    assertThat(browser.driver.findElements(By.cssSelector(".suggestion"))).isEmpty();
    js.executeScript("window.vigilSamePage = true;");
    browser.await(10, d -> d.findElements(By.cssSelector("main[sse-connect]")).size() == 1);

    http.webhook(VigilHttp.message(id, "customer", "Hi, how can I rotate the API key for my zq" + marker
        + " project?"));
    browser.await(15, d -> d.findElements(By.cssSelector(".suggestion.open")).size() == 1);
    assertThat(js.executeScript("return window.vigilSamePage === true")).as("arrived live, no reload")
        .isEqualTo(true);
    assertThat(browser.find(".suggestion .text").getText()).startsWith("Open Project settings > API keys");
    assertThat(browser.find(".suggestion .citation").getText()).contains("rotate the API key");
    browser.await(10, d -> d.findElement(By.cssSelector(".messages")).getText().contains("how can I rotate"));
    assertThat(browser.find("#decisions").getText()).contains("suggested S1 to the analyst");
    assertThat(browser.find("#next-check-in").getText()).as("a P2 ticket waiting on support: check-in in 2 h")
        .matches("(?s).*UTC\\s+\\(in (1 h 59|2 h 0) min\\).*");

    browser.find(".suggestion.open button.adopt").click();
    browser.await(10, d -> d.findElements(By.cssSelector(".notice")).size() == 1);
    assertThat(browser.find(".notice").getText()).isEqualTo("Suggestion sent to the customer.");
    browser.await(10, d -> d.findElement(By.cssSelector("#decisions")).getText().contains("outbound delivered"));
    // exactly one delivery, and it stays one: room for a second delivery, were there one
    Supplier<List<String[]>> toCustomerNow = () -> DELIVERIES.stream()
        .filter(d -> d[1].contains("\"ticketId\":\"" + id + "\"") && d[1].contains("analyst_reply")).toList();
    await("one outbound delivery of the adopted reply").during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
        .until(() -> toCustomerNow.get().size() == 1);
    List<String[]> toCustomer = toCustomerNow.get();
    assertThat(toCustomer.get(0)[1]).contains("Open Project settings > API keys");
    assertThat(browser.find("#suggestions .badge").getText()).isEqualTo("adopted");
    assertThat(browser.find(".messages").getText()).contains("sent via Vigil");
    Path ticketShot = browser.screenshot("ticket");

    String statusLink = browser.find("#status-link").getAttribute("href");
    browser.find(".suggestion .citation").click();
    browser.driver.switchTo().window(browser.driver.getWindowHandles().stream()
        .filter(h -> !h.equals(browser.driver.getWindowHandle())).findFirst().orElseThrow());
    browser.await(10, d -> d.findElements(By.cssSelector("#entry-answer")).size() == 1);
    assertThat(browser.find("#entry-status").getText()).isEqualTo("active");
    browser.find("#retire").click();
    browser.await(10, d -> d.findElement(By.cssSelector("#entry-status")).getText().equals("retired"));
    assertThat(browser.find(".history").getText()).contains("retired by andy");
    browser.find("#restore").click();
    browser.await(10, d -> d.findElement(By.cssSelector("#entry-status")).getText().equals("active"));
    Path knowledgeShot = browser.screenshot("knowledge-entry");

    browser.open("/dashboard");
    assertThat(browser.find("#adoption-rate").getText()).isEqualTo("100%");
    assertThat(browser.driver.findElements(By.cssSelector("svg.chart"))).hasSize(5);
    Path dashboardShot = browser.screenshot("dashboard");

    // the customer's status page: open with the ticket's token, live as support replies
    browser.driver.manage().deleteAllCookies();
    browser.driver.get(statusLink);
    // (the page's first poll re-renders its updates once: read through waits that tolerate the swap)
    browser.await(10, d -> d.findElement(By.cssSelector("#customer-status")).getText()
        .equals("waiting for your reply"));
    browser.await(10, d -> d.findElement(By.cssSelector("#updates")).getText()
        .contains("Open Project settings > API keys"));
    js.executeScript("window.vigilSamePage = true;");
    http.post("/api/v1/tickets/" + id + "/resolve", "{\"note\":\"Rotated the key from Project settings.\"}",
        "andy", "andy-pw");
    browser.await(10, d -> d.findElement(By.cssSelector("#customer-status")).getText().equals("resolved"));
    assertThat(js.executeScript("return window.vigilSamePage === true")).isEqualTo(true);
    Path statusShot = browser.screenshot("status-page");

    for (Path shot : List.of(ticketShot, knowledgeShot, dashboardShot, statusShot)) {
      assertThat(Files.size(shot)).as(shot.toString()).isGreaterThan(10_000);
    }
  }

  @Test
  void theStatusPageOpensOnlyWithTheTicketsOwnToken() throws Exception {
    String id = "ST-" + UUID.randomUUID().toString().substring(0, 6);
    String other = id + "-other";
    http.webhook(VigilHttp.created(id, "Status page", "acme"));
    http.webhook(VigilHttp.created(other, "Someone else's", "acme"));
    http.awaitTicket(other, t -> t.get("status") != null);

    browser.signIn("andy", "andy-pw");
    browser.open("/tickets/" + other);
    String otherToken = URI.create(browser.find("#status-link").getAttribute("href")).getQuery()
        .substring("token=".length());
    browser.open("/tickets/" + id);
    String ownLink = browser.find("#status-link").getAttribute("href");
    String ownToken = URI.create(ownLink).getQuery().substring("token=".length());
    URI fromApi = URI.create(http.getAsAdmin("/api/v1/tickets/" + id).json().get("statusUrl").asText());
    assertThat(fromApi.getPath() + "?" + fromApi.getQuery()).as("the API hands out the same link")
        .isEqualTo(URI.create(ownLink).getPath() + "?" + URI.create(ownLink).getQuery());

    assertThat(status("/status/" + id + "?token=" + ownToken)).isEqualTo(200);
    assertThat(status("/status/" + id + "?token=" + otherToken)).as("another ticket's token").isEqualTo(404);
    assertThat(status("/status/" + id + "?token=wrong")).as("a wrong token").isEqualTo(404);
    assertThat(status("/status/" + id)).as("no token").isEqualTo(404);
    assertThat(status("/status/NOPE-1?token=" + ownToken)).as("a ticket that does not exist").isEqualTo(404);
    assertThat(status("/status/" + id + "/stream?token=wrong")).isEqualTo(404);

    browser.driver.manage().deleteAllCookies();
    browser.open("/status/" + id + "?token=" + otherToken);
    assertThat(browser.driver.getPageSource()).contains("Not found").doesNotContain("Status page");
    browser.driver.get(ownLink);
    assertThat(browser.find("h1").getText()).isEqualTo("Status page");
  }

  /** A ticket of another system than the default one: the queue, its page, its actions and its status page. */
  @Test
  void aZendeskTicketOpensFromTheQueue_actsAsItself_andItsStatusPageIsLive() {
    String id = String.valueOf(100_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 800_000));
    byte[] body = ZendeskPayloads.event(id, "created").toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(ZendeskPayloads.sign(body, ZENDESK_SECRET, Instant.now()));
    headers.put("Content-Type", "application/json");
    assertThat(new NativeHttp(port).post("zendesk", headers, body).status()).isEqualTo(202);

    browser.signIn("andy", "andy-pw");
    browser.open("/tickets");
    browser.await(10, d -> d.findElements(By.cssSelector("tr[data-ticket='" + id + "']")).size() == 1);
    browser.click("tr[data-ticket='" + id + "'] a");
    browser.await(10, d -> browser.path().equals("/tickets/" + id + "?source=zendesk"));
    assertThat(browser.find("h1").getText()).contains("Backups fail with error 0x80");

    Select priority = new Select(browser.find("select[name=priority]"));
    priority.selectByValue("P1");
    browser.find("select[name=priority]").findElement(By.xpath("./ancestor::form//button")).click();
    browser.await(10, d -> d.findElements(By.cssSelector(".notice")).size() == 1);
    assertThat(browser.find(".notice").getText()).isEqualTo("Priority is now P1.");
    assertThat(browser.path()).isEqualTo("/tickets/" + id + "?source=zendesk");
    assertThat(http.getAsAdmin("/api/v1/tickets/" + id + "?source=zendesk").json().get("priority").asText())
        .isEqualTo("P1");

    String statusLink = browser.find("#status-link").getAttribute("href");
    assertThat(statusLink).contains("/status/" + id + "?source=zendesk&token=");
    browser.driver.manage().deleteAllCookies();
    browser.driver.get(statusLink);
    assertThat(browser.find("h1").getText()).isEqualTo("Backups fail with error 0x80");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    browser.await(10, d -> d.findElements(By.cssSelector("main[sse-connect]")).size() == 1);
    js.executeScript("window.vigilSamePage = true;");
    http.postAsAdmin("/api/v1/tickets/" + id + "/resolve?source=zendesk", "{}");
    browser.await(10, d -> d.findElement(By.cssSelector("#customer-status")).getText().equals("resolved"));
    assertThat(js.executeScript("return window.vigilSamePage === true")).as("live, no reload").isEqualTo(true);
  }

  @Test
  void operatorsSeeTicketsButCannotAct() {
    String id = "OP-" + UUID.randomUUID().toString().substring(0, 6);
    http.webhook(VigilHttp.created(id, "Operator view", "acme"));
    http.awaitTicket(id, t -> t.get("status") != null);
    browser.signIn("olive", "olive-pw");
    browser.open("/tickets/" + id);
    assertThat(browser.find("h1").getText()).contains("Operator view");
    assertThat(browser.driver.findElements(By.cssSelector("#pause-toggle"))).isEmpty();
    assertThat(browser.find("#temporal-link").getAttribute("href"))
        .isEqualTo("http://localhost:8088/namespaces/default/workflows/ticket%3Adesk%3A" + id);
    // a forged form post (valid session and CSRF token, wrong role) is refused
    Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/tickets/" + id + "/close', {method: 'POST', headers: {'Content-Type':"
            + " 'application/x-www-form-urlencoded'}, body: '_csrf=' + encodeURIComponent("
            + "document.querySelector('input[name=_csrf]').value)}).then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    Object apiWithSession = ((JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/api/v1/tickets').then(r => done(r.status));");
    assertThat(((Number) apiWithSession).intValue()).as("the API takes no session cookie").isEqualTo(401);

    browser.open("/swagger-ui.html");
    browser.await(20, d -> d.findElements(By.cssSelector(".swagger-ui .info .title")).size() == 1);
    assertThat(browser.find(".swagger-ui .info .title").getText()).contains("Vigil");
  }

  private int status(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpServer startReceiver() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        DELIVERIES.add(new String[] {exchange.getRequestHeaders().getFirst("Idempotency-Key"), body});
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.setExecutor(Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "outbound-receiver");
        t.setDaemon(true);
        return t;
      }));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
