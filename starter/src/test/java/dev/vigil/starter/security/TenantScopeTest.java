package dev.vigil.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.starter.ui.dashboard.DashboardService;
import dev.vigil.testkit.http.VigilHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Staff limited to some tenants, route by route: ann is an analyst for scope-acme, oscar an operator for
 * scope-globex and scope-initech, admin works for every tenant. Another tenant's ticket or entry is not found (404),
 * never forbidden; nothing is applied to it; lists, searches and dashboard figures hold only their tenants.
 */
class TenantScopeTest extends EmbeddedApiTest {
  private String acme;
  private String globex;

  @Autowired
  DashboardService dashboard;

  @Autowired
  UserDetailsService users;

  @BeforeEach
  void twoTenantsTickets() {
    acme = "SC-A-" + UUID.randomUUID().toString().substring(0, 6);
    globex = "SC-G-" + UUID.randomUUID().toString().substring(0, 6);
    http.webhook(VigilHttp.created(acme, "Acme backups fail", "scope-acme"));
    http.webhook(VigilHttp.created(globex, "Globex login loops", "scope-globex"));
    http.awaitTicket(acme, t -> t.get("status") != null);
    http.awaitTicket(globex, t -> t.get("status") != null);
  }

  @Test
  void ticketReads_areLimitedToTheirTenants_andAnotherTenantsTicketIsNotFound() {
    record Case(String user, String password, String ticket, int status) {}
    List<Case> cases = List.of(
        new Case("ann", "ann-pw", acme, 200), new Case("ann", "ann-pw", globex, 404),
        new Case("oscar", "oscar-pw", globex, 200), new Case("oscar", "oscar-pw", acme, 404),
        new Case("admin", VigilHttp.ADMIN_PASSWORD, acme, 200), new Case("admin", VigilHttp.ADMIN_PASSWORD, globex,
            200));
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      int read = http.get("/api/v1/tickets/" + c.ticket(), c.user(), c.password()).status();
      int summary = http.post("/api/v1/tickets/" + c.ticket() + "/summary", null, c.user(), c.password()).status();
      // a summary is a POST: operators may not make one anywhere (the role is checked first, which tells nothing)
      int expectedSummary = c.user().equals("oscar") ? 403 : c.status();
      if (read != c.status() || summary != expectedSummary) {
        failures.add(c + ": read " + read + ", summary " + summary);
      }
    }
    assertThat(failures).isEmpty();
    VigilHttp.Response hidden = http.get("/api/v1/tickets/" + globex, "ann", "ann-pw");
    assertThat(hidden.body()).as("the same answer as for a ticket that does not exist")
        .isEqualTo(http.get("/api/v1/tickets/NOPE-" + UUID.randomUUID(), "ann", "ann-pw").body()
            .replaceAll("NOPE-[0-9a-f-]+", globex));
  }

  @Test
  void actionsOnAnotherTenantsTicketAreNotFound_andApplyNothing() {
    long before = http.getAsAdmin("/api/v1/tickets/" + globex).json().get("eventsApplied").asLong();

    assertThat(http.post("/api/v1/tickets/" + globex + "/assistant/pause", null, "ann", "ann-pw").status())
        .isEqualTo(404);
    assertThat(http.post("/api/v1/tickets/" + globex + "/messages", "{\"text\":\"hi\"}", "ann", "ann-pw").status())
        .isEqualTo(404);
    assertThat(http.getAsAdmin("/api/v1/tickets/" + globex).json().get("eventsApplied").asLong()).isEqualTo(before);

    VigilHttp.Response own = http.post("/api/v1/tickets/" + acme + "/assistant/pause", null, "ann", "ann-pw");
    assertThat(own.status()).isEqualTo(200);
    // operators read, never act, whatever the tenant
    assertThat(http.post("/api/v1/tickets/" + globex + "/assistant/pause", null, "oscar", "oscar-pw").status())
        .isEqualTo(403);
  }

  @Test
  void listsHoldOnlyTheirTenantsTickets() {
    assertThat(ids(http.get("/api/v1/tickets?limit=1000", "ann", "ann-pw").json())).contains(acme)
        .doesNotContain(globex).allMatch(id -> !id.startsWith("SC-G-"));
    assertThat(ids(http.get("/api/v1/tickets?tenant=scope-globex", "ann", "ann-pw").json())).isEmpty();
    assertThat(ids(http.get("/api/v1/tickets?limit=1000", "oscar", "oscar-pw").json())).contains(globex)
        .doesNotContain(acme);
    assertThat(ids(http.get("/api/v1/tickets?limit=1000", "admin", VigilHttp.ADMIN_PASSWORD).json()))
        .contains(acme, globex);
  }

  @Test
  void dashboardFiguresCountOnlyTheirTenantsTickets() {
    int all = figuresFor("admin");
    int ann = figuresFor("ann");
    assertThat(ann).isPositive().isLessThan(all);
  }

  @Test
  void knowledgeIsLimitedToGlobalAndTheirTenants_andOnlyAdminsWriteGlobalEntries() {
    assertThat(http.post("/api/v1/knowledge", entry("scope-acme", "Acme VPN drops"), "ann", "ann-pw").status())
        .isEqualTo(201);
    assertThat(http.post("/api/v1/knowledge", entry("scope-globex", "Globex SSO"), "ann", "ann-pw").status())
        .as("another tenant's scope").isEqualTo(404);
    VigilHttp.Response global = http.post("/api/v1/knowledge", entry("global", "Reset a password"), "ann", "ann-pw");
    assertThat(global.status()).isEqualTo(403);
    assertThat(global.json().get("error").asText()).isEqualTo("global_knowledge_is_for_admins");
    VigilHttp.Response globexEntry = http.postAsAdmin("/api/v1/knowledge", entry("scope-globex",
        "Globex SSO loops after password change"));
    assertThat(globexEntry.status()).isEqualTo(201);
    String id = globexEntry.json().get("id").asText();

    assertThat(http.get("/api/v1/knowledge/" + id, "ann", "ann-pw").status()).isEqualTo(404);
    assertThat(http.post("/api/v1/knowledge/" + id + "/retire?version=1", null, "ann", "ann-pw").status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/knowledge/" + id, "oscar", "oscar-pw").status()).isEqualTo(200);
    JsonNode search = http.get("/api/v1/knowledge?q=Globex+SSO+loops&tenant=scope-globex", "ann", "ann-pw").json();
    assertThat(search.get("hits")).isEmpty();
    JsonNode listed = http.get("/api/v1/knowledge?limit=200", "ann", "ann-pw").json();
    assertThat(listed.get("entries").findValuesAsText("scope")).doesNotContain("scope-globex")
        .contains("scope-acme");
  }

  @Test
  void aTenantNamedLikeTheGlobalScopeIsRefusedAtIntake() {
    ObjectNode event = VigilHttp.created("SC-X-" + UUID.randomUUID().toString().substring(0, 6), "x", "global");
    VigilHttp.Response refused = http.webhook(event);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("ticket.customer.tenant");
  }

  private int figuresFor(String user) {
    var details = users.loadUserByUsername(user);
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        details, null, details.getAuthorities()));
    try {
      return dashboard.dashboard().figures().totals().tickets();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static String entry(String scope, String question) {
    return "{\"question\":\"" + question + "?\",\"answer\":\"Steps for " + question + ".\",\"scope\":\"" + scope
        + "\"}";
  }

  private static List<String> ids(JsonNode list) {
    return list.get("tickets").findValuesAsText("ticketId");
  }
}
