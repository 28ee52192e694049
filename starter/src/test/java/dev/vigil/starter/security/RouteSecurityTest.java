package dev.vigil.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.starter.support.EmbeddedApiTest;
import dev.vigil.testkit.http.VigilHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enumerates every route the application serves and checks that, unauthenticated, each one is refused: machine
 * routes (API, actuator, the OpenAPI description, the codec server) with 401, web pages (Swagger UI among them) by a redirect to the login page, form posts without a
 * session's CSRF token with 403. Open: the signed webhooks (Vigil's own and the ticketing systems' native ones, each
 * refusing every delivery while its secret is unset), the health probe, the login page, and the customer
 * status page, which answers 404 to anything but its ticket's own token. A new route cannot slip through.
 */
class RouteSecurityTest extends EmbeddedApiTest {
  private static final Set<String> OPEN = Set.of("POST /api/v1/webhooks/tickets", "POST /api/v1/webhooks/{source}",
      "GET /login");
  private static final String STATUS_PAGE = "/status/";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyRouteButTheOpenOnesNeedsAuthentication() {
    List<String> checked = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        String path = pattern.replaceAll("\\{[^}]+}", "x1").replace("/**", "/x1");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          String route = method + " " + pattern;
          if (OPEN.contains(route) || pattern.equals("/error")) {
            continue;
          }
          VigilHttp.Response response = switch (method) {
            case GET -> http.get(path, null, null);
            case POST -> http.post(path, "{}", null, null);
            case DELETE -> http.delete(path, null, null);
            default -> throw new AssertionError("unexpected method in " + route);
          };
          if (pattern.startsWith(STATUS_PAGE)) {
            assertThat(response.status()).as(route + " without a valid token").isEqualTo(404);
          } else if (machineRoute(pattern)) {
            assertThat(response.status()).as(route).isEqualTo(401);
          } else if (method == RequestMethod.GET) {
            assertThat(response.status()).as(route).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(route).endsWith("/login");
          } else {
            assertThat(response.status()).as(route + " (no CSRF token)").isEqualTo(403);
          }
          checked.add(route);
        }
      }
    }
    assertThat(checked).as("routes checked").hasSizeGreaterThan(40)
        .contains("GET /api/v1/tickets", "POST /api/v1/knowledge", "GET /v3/api-docs", "GET /tickets/{ticketId}",
            "POST /tickets/{ticketId}/suggestions/{suggestionId}/adopt", "GET /dashboard",
            "GET /status/{ticketId}", "GET /tickets/{ticketId}/stream", "POST /codec/decode",
            "DELETE /api/v1/customers/{customerId}", "DELETE /api/v1/knowledge/{id}");
    assertThat(http.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
    for (String source : List.of("zendesk", "jira", "zammad", "github")) {
      assertThat(http.post("/api/v1/webhooks/" + source, "{}", null, null).status())
          .as("%s without its secret", source).isEqualTo(401);
    }
    assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
    assertThat(http.get("/login", null, null).status()).isEqualTo(200);
  }

  @Test
  void webPagesDoNotAcceptHttpBasic_andTheApiDoesNotAcceptSessions() {
    // the API's credentials do not open pages (pages need the form login's session and its CSRF protection)
    assertThat(http.get("/tickets", "andy", "andy-pw").status()).isEqualTo(302);
    assertThat(http.post("/tickets/T-1/close", null, "andy", "andy-pw").status()).isEqualTo(403);
    assertThat(http.get("/api/v1/tickets", "andy", "andy-pw").status()).isEqualTo(200);
  }

  @Test
  void browsersAreNeverAskedForApiCredentials_andHtmxIsSentToTheLoginPage() throws Exception {
    VigilHttp.Response api = http.get("/api/v1/tickets", null, null);
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).as("no Basic challenge a browser would remember")
        .isEmpty();
    HttpResponse<Void> section = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/tickets/T-1/sections/facts")).header("HX-Request", "true")
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    assertThat(section.statusCode()).isEqualTo(401);
    assertThat(section.headers().firstValue("HX-Redirect")).hasValue("/login");
  }

  private static boolean machineRoute(String pattern) {
    return pattern.startsWith("/api/") || pattern.startsWith("/actuator") || pattern.startsWith("/v3/")
        || pattern.startsWith("/codec/");
  }
}
