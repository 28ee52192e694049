package dev.vigil.starter.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.support.EmbeddedVigilApplication;
import dev.vigil.testkit.http.VigilHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Not a test: the program that takes the README's screenshots. It fills a fresh embedded Vigil with a morning's
 * worth of tickets through the webhook and the API, then photographs each screen into {@code docs/screens}. Run:
 * {@code mvn -pl starter surefire:test -Dtest=ReadmeScreens -Dvigil.screens=true} (after {@code mvn install}).
 */
@EnabledIfSystemProperty(named = "vigil.screens", matches = "true")
@SpringBootTest(
    classes = EmbeddedVigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "vigil.temporal.dev-port=0",
      "vigil.temporal.ui-url=http://localhost:8088",
      "vigil.data-dir=target/test-data/screens",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD,
      "vigil.security.users[0].username=andy",
      "vigil.security.users[0].password=andy-pw",
      "vigil.security.users[0].roles=analyst",
      "vigil.learning.tenants.globex.review-required=true"
    })
class ReadmeScreens {
  private static final Path DOCS = Path.of("..", "docs", "screens");

  @LocalServerPort
  int port;

  private record Case(String id, String subject, String tenant, String priority, String question) {}

  @Test
  void takeTheReadmeScreenshots() throws Exception {
    VigilHttp http = new VigilHttp(port);
    http.postAsAdmin("/api/v1/knowledge/import?source=runbook.md", """
        [{"question":"How do I rotate the API key of a project?","answer":"Open Project settings > API keys, choose \
        Rotate, then update your clients with the new key within 24 hours; the old key keeps working until then."},
         {"question":"Why do snapshots fail with QuotaExceeded?","answer":"The project reached its snapshot quota; \
        delete old snapshots or raise the quota under Settings > Limits."},
         {"question":"Why does my VM fail to boot after resizing the disk?","answer":"Resizing changes the \
        partition table only after a filesystem grow: boot from the rescue image, run growpart and resize2fs on \
        the root partition, then reboot."},
         {"question":"How do I enable two-factor login for the console?","answer":"Open Profile > Security, choose \
        Enable two-factor and scan the QR code with an authenticator app."},
         {"question":"Why are my S3-compatible uploads rejected with SignatureDoesNotMatch?","answer":"The request \
        was signed for another region or with a skewed clock: set the bucket's region in the client and sync the \
        machine's clock with NTP."}]""");
    List<Case> cases = List.of(
        new Case("CS-1042", "Snapshots failing since this morning", "acme", "P2",
            "Our nightly snapshots fail with QuotaExceeded since this morning, what can we do?"),
        new Case("CS-1043", "VM does not boot after disk resize", "acme", "P1",
            "We resized the disk of vm-prod-7 to 200 GB and now the VM does not boot at all."),
        new Case("CS-1044", "Key rotation", "globex", "P3",
            "How can I rotate the API key for our project without downtime?"),
        new Case("CS-1045", "2FA for the team", "globex", "P4",
            "How do we turn on 2FA sign-in for everyone on the console?"),
        new Case("CS-1046", "Uploads rejected", "acme", "P2",
            "Uploads from our backup tool are rejected with SignatureDoesNotMatch."),
        new Case("CS-1047", "Invoice question", "initech", "P3",
            "Hello, could you send the invoice for October again?"),
        new Case("CS-1048", "Snapshot quota", "initech", "P2",
            "Snapshots stopped working with a quota error."));
    for (Case c : cases) {
      ObjectNode created = VigilHttp.created(c.id(), c.subject(), c.tenant());
      ((ObjectNode) created.get("ticket")).put("priority", c.priority());
      http.webhook(created);
    }
    for (Case c : cases) {
      http.awaitTicket(c.id(), t -> t.get("status") != null);
      http.webhook(VigilHttp.message(c.id(), "customer", c.question()));
    }
    for (Case c : cases.subList(0, 5)) {
      http.awaitTicket(c.id(), t -> t.get("suggestions").size() == 1);
    }
    act(http, "CS-1044", "suggestions/S1/adopt", null);
    act(http, "CS-1045", "suggestions/S1/adopt", null);
    act(http, "CS-1045", "suggestions/S1/rate", "{\"rating\":\"like\"}");
    act(http, "CS-1046", "suggestions/S1/edit", "{\"text\":\"Your backup tool signs for us-east-1 while the "
        + "bucket lives in eu-central-1: set the region in the tool's settings and sync the host clock with NTP.\"}");
    act(http, "CS-1048", "assignee", "{\"analystId\":\"andy\",\"name\":\"Andy\"}");
    act(http, "CS-1044", "resolve", "{\"note\":\"Rotated the key from Project settings > API keys; clients "
        + "updated within the grace period.\"}");
    act(http, "CS-1045", "resolve", "{\"note\":\"Enabled two-factor for all console users from Profile > "
        + "Security.\"}");
    act(http, "CS-1044", "close", null);
    act(http, "CS-1045", "close", null);
    act(http, "CS-1043", "priority", "{\"priority\":\"P1\"}");
    http.awaitTicket("CS-1045", t -> t.get("learning") != null && !t.get("learning").isNull()
        && "completed".equals(t.get("learning").get("status").asText()));

    try (Browser browser = new Browser(port)) {
      browser.signIn("andy", "andy-pw");
      browser.open("/tickets");
      save(browser.screenshot("queue"), "queue");
      browser.open("/tickets/CS-1042");
      browser.await(10, d -> d.findElements(By.cssSelector(".suggestion.open")).size() == 1);
      save(browser.screenshot("ticket"), "ticket");
      browser.open("/knowledge");
      save(browser.screenshot("knowledge"), "knowledge");
      browser.open("/dashboard");
      save(browser.screenshot("dashboard"), "dashboard");
      browser.open("/tickets/CS-1046");
      String status = browser.find("#status-link").getAttribute("href");
      browser.driver.manage().deleteAllCookies();
      browser.driver.get(status);
      save(browser.screenshot("status-page"), "status-page");
    }
  }

  private static void act(VigilHttp http, String ticket, String action, String json) {
    VigilHttp.Response response = http.post("/api/v1/tickets/" + ticket + "/" + action, json, "andy", "andy-pw");
    if (response.status() != 200) {
      throw new AssertionError(action + " on " + ticket + ": " + response.status() + " " + response.body());
    }
  }

  private static void save(Path shot, String name) throws Exception {
    Files.createDirectories(DOCS);
    Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
