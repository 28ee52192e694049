package dev.vigil.starter.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.connector.ConnectorApiTest;
import dev.vigil.starter.connector.ConnectorVigilTest;
import dev.vigil.starter.connector.github.GitHubPayloads;
import dev.vigil.starter.connector.zendesk.ZendeskPayloads;
import dev.vigil.testkit.http.VigilHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The analyst pages and the customer status page open tickets of every connected system, not only the default
 * source's: a Zendesk ticket and a GitHub issue, each delivered by its native webhook, open at {@code ?source=},
 * every address on their pages (sections, live stream, forms, status link) carries the source, the queue links to
 * them so, the dashboard reads them, and an action posted from the page applies to that ticket and comes back to
 * it. Without the source the same id names the default source's ticket, which does not exist: 404, nothing applied.
 */
class TicketPagesSourcesTest extends ConnectorApiTest {
  @Autowired
  WebApplicationContext context;

  private MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  private MockHttpServletResponse asAnalyst(MockHttpServletRequestBuilder request) throws Exception {
    // a configured analyst without tenants works for all of them
    return mvc.perform(request.with(user("andy").authorities(new SimpleGrantedAuthority("ROLE_ANALYST"),
        new SimpleGrantedAuthority("TENANT:*")))).andReturn().getResponse();
  }

  private String zendeskTicket() {
    String id = String.valueOf(300_000 + Math.abs(UUID.randomUUID().getMostSignificantBits() % 600_000));
    byte[] body = ZendeskPayloads.event(id, "created").toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(ZendeskPayloads.sign(body, ConnectorVigilTest.SECRET, Instant.now()));
    headers.put("Content-Type", "application/json");
    assertThat(hooks.post("zendesk", headers, body).status()).isEqualTo(202);
    awaitTicket("zendesk", id, t -> t.get("status") != null);
    return id;
  }

  @Test
  void aZendeskTicketOpensAtItsSource_andEveryAddressOnItsPageKeepsTheSource() throws Exception {
    String id = zendeskTicket();

    assertThat(asAnalyst(get("/tickets/" + id)).getStatus()).as("the default source has no such ticket")
        .isEqualTo(404);
    MockHttpServletResponse page = asAnalyst(get("/tickets/" + id).param("source", "zendesk"));
    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(html).contains("Backups fail with error 0x80")
        .contains("/tickets/" + id + "/stream?source=zendesk&amp;seen=")
        .contains("hx-get=\"/tickets/" + id + "/sections/facts?source=zendesk\"")
        .contains("action=\"/tickets/" + id + "/resolve?source=zendesk\"")
        .contains("action=\"/tickets/" + id + "/priority?source=zendesk\"")
        .contains("action=\"/tickets/" + id + "/assistant/pause?source=zendesk\"")
        .doesNotContain("action=\"/tickets/" + id + "/resolve\"");
    assertThat(asAnalyst(get("/tickets/" + id + "/sections/facts").param("source", "zendesk")).getStatus())
        .isEqualTo(200);

    // the queue links to the ticket with its source; the dashboard reads it from its source
    assertThat(asAnalyst(get("/queue/rows")).getContentAsString())
        .contains("href=\"/tickets/" + id + "?source=zendesk\"");
    assertThat(asAnalyst(get("/dashboard")).getContentAsString()).doesNotContain("could not be read");

    // an action from the page applies to the Zendesk ticket and comes back to its page
    MockHttpServletResponse raised = asAnalyst(post("/tickets/" + id + "/priority").param("source", "zendesk")
        .param("priority", "P1").param("key", "ui-" + UUID.randomUUID()).with(csrf()));
    assertThat(raised.getRedirectedUrl()).isEqualTo("/tickets/" + id + "?source=zendesk");
    awaitTicket("zendesk", id, t -> t.get("priority").asText().equals("P1"));
    assertThat(asAnalyst(post("/tickets/" + id + "/priority").param("priority", "P2")
        .param("key", "ui-" + UUID.randomUUID()).with(csrf())).getStatus())
        .as("without the source: the default source's ticket, which does not exist").isEqualTo(404);
    assertThat(http.getAsAdmin(ticketPath("zendesk", id, "")).json().get("priority").asText()).isEqualTo("P1");
  }

  @Test
  void theCustomerStatusLinkOfAZendeskTicketOpensIt_andOnlyIt() throws Exception {
    String id = zendeskTicket();
    String html = asAnalyst(get("/tickets/" + id).param("source", "zendesk")).getContentAsString();
    Matcher link = Pattern.compile("href=\"http://localhost(/status/[^\"]+)\"[^>]*id=\"status-link\"").matcher(html);
    assertThat(link.find()).as(html).isTrue();
    String status = link.group(1).replace("&amp;", "&");
    assertThat(status).startsWith("/status/" + id + "?source=zendesk&token=");
    String token = status.substring(status.indexOf("token=") + "token=".length());

    MockHttpServletResponse opened = mvc.perform(get("/status/" + id).param("source", "zendesk")
        .param("token", token)).andReturn().getResponse();
    assertThat(opened.getStatus()).isEqualTo(200);
    assertThat(opened.getContentAsString()).contains("Backups fail with error 0x80")
        .contains("/status/" + id + "/stream?source=zendesk&amp;token=")
        .contains("/status/" + id + "/updates?source=zendesk&amp;token=");
    assertThat(mvc.perform(get("/status/" + id + "/updates").param("source", "zendesk").param("token", token))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
    for (String[] other : new String[][] {{null, token}, {"jira", token}, {"Not A Source", token},
        {"zendesk", "forged"}}) {
      MockHttpServletRequestBuilder request = get("/status/" + id).param("token", other[1]);
      if (other[0] != null) {
        request.param("source", other[0]);
      }
      assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as(String.join(" ", other[0] == null
          ? "default" : other[0], other[1])).isEqualTo(404);
    }
  }

  @Test
  void aGitHubIssueOpensWithItsEncodedId() throws Exception {
    String repo = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode opened = GitHubPayloads.example("issues.opened");
    ((ObjectNode) opened.get("repository")).put("name", repo);
    byte[] body = opened.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>(GitHubPayloads.headers("issues"));
    headers.putAll(GitHubPayloads.sign(body, ConnectorVigilTest.SECRET));
    headers.put("Content-Type", "application/json");
    VigilHttp.Response delivered = hooks.post("github", headers, body);
    assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);
    String ticketId = "Codertocat:" + repo + "#1";
    awaitTicket("github", ticketId, t -> t.get("status") != null);

    String rows = asAnalyst(get("/queue/rows")).getContentAsString();
    String href = "/tickets/Codertocat:" + repo + "%231?source=github";
    assertThat(rows).contains("href=\"" + href + "\"");
    MockHttpServletResponse page = asAnalyst(get(URI.create("/tickets/Codertocat:" + repo + "%231"))
        .param("source", "github"));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("action=\"/tickets/Codertocat:" + repo + "%231/close?source=github\"");
  }
}
