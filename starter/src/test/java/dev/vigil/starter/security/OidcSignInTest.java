package dev.vigil.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.starter.support.EmbeddedVigilApplication;
import dev.vigil.testkit.http.VigilHttp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider started here: the whole authorization-code round trip over
 * HTTP, and roles and tenants taken from the ID token's claims. Vigil answers on 127.0.0.1 and the provider on
 * localhost, so each keeps its own session cookie.
 */
@SpringBootTest(
    classes = EmbeddedVigilApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "vigil.temporal.dev-port=0",
      "vigil.data-dir=target/test-data/oidc",
      "vigil.webhook.secret=" + VigilHttp.SECRET,
      "vigil.security.admin-password=" + VigilHttp.ADMIN_PASSWORD,
      "vigil.security.oidc.client-id=vigil",
      "vigil.security.oidc.client-secret=vigil-client-secret",
      "vigil.security.oidc.display-name=Test IdP",
      "vigil.security.oidc.role-mapping.support-team=analyst"
    })
class OidcSignInTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static int vigilPort;
  private static int providerPort;
  private static ConfigurableApplicationContext provider;

  @DynamicPropertySource
  static void startTheProviderFirst(DynamicPropertyRegistry registry) throws IOException {
    vigilPort = freePort();
    providerPort = freePort();
    String issuer = "http://localhost:" + providerPort;
    provider = new SpringApplicationBuilder(OidcProvider.class)
        .properties(
            "spring.config.name=oidc-provider", // not Vigil's settings
            "vigil.cli=true", // not a Vigil process: no generated credentials
            "server.port=" + providerPort,
            "spring.security.oauth2.authorizationserver.issuer=" + issuer,
            "spring.security.oauth2.authorizationserver.client.vigil.registration.client-id=vigil",
            "spring.security.oauth2.authorizationserver.client.vigil.registration.client-secret={noop}vigil-client-secret",
            "spring.security.oauth2.authorizationserver.client.vigil.registration.client-authentication-methods="
                + "client_secret_basic",
            "spring.security.oauth2.authorizationserver.client.vigil.registration.authorization-grant-types="
                + "authorization_code",
            "spring.security.oauth2.authorizationserver.client.vigil.registration.redirect-uris=http://127.0.0.1:"
                + vigilPort + "/login/oauth2/code/vigil",
            "spring.security.oauth2.authorizationserver.client.vigil.registration.scopes=openid,profile,email",
            "spring.security.oauth2.authorizationserver.client.vigil.require-authorization-consent=false")
        .run();
    registry.add("server.port", () -> vigilPort);
    registry.add("vigil.security.oidc.issuer-uri", () -> issuer);
  }

  @AfterAll
  static void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void anOperatorForOneTenantSignsInThroughTheProvider() throws Exception {
    Browser browser = new Browser();
    String landing = browser.signIn("sso-olive");

    assertThat(landing).contains("sso-olive", "operator", "tenants: acme");
    assertThat(browser.get("http://127.0.0.1:" + vigilPort + "/tickets").statusCode()).isEqualTo(200);
  }

  @Test
  void aProviderGroupMapsToAVigilRole_andNoTenantsClaimMeansEveryTenant() throws Exception {
    String landing = new Browser().signIn("sso-sam");

    assertThat(landing).contains("sso-sam", "analyst").doesNotContain("tenants:");
  }

  @Test
  void someoneTheProviderGivesNoVigilRoleIsTurnedAway() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> last = browser.follow("http://127.0.0.1:" + vigilPort + "/oauth2/authorization/vigil",
        "sso-nobody");
    assertThat(last.uri().toString()).contains("/login?sso-error");
    assertThat(last.body()).contains("Single sign-on did not let you in");
    HttpResponse<String> tickets = browser.get("http://127.0.0.1:" + vigilPort + "/tickets");
    assertThat(tickets.statusCode()).as("not signed in").isEqualTo(302);
    assertThat(tickets.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void theSignInPageOffersSingleSignOn() throws Exception {
    assertThat(new Browser().get("http://127.0.0.1:" + vigilPort + "/login").body())
        .contains("Sign in with Test IdP", "/oauth2/authorization/vigil");
  }

  /** A person's browser: cookies per host, redirects followed by hand so the provider's login form is filled in. */
  private final class Browser {
    /** What a browser asks for: the provider sends only browsers (not API clients) to its login page. */
    private static final String HTML = "text/html,application/xhtml+xml";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    String signIn(String user) throws Exception {
      HttpResponse<String> last = follow("http://127.0.0.1:" + vigilPort + "/oauth2/authorization/vigil", user);
      assertThat(last.statusCode()).as("landing page " + last.uri()).isEqualTo(200);
      assertThat(last.uri().getPath()).isEqualTo("/tickets");
      return last.body();
    }

    /** Follows redirects from {@code url}, signing in at the provider's login form as {@code user} on the way. */
    HttpResponse<String> follow(String url, String user) throws Exception {
      HttpResponse<String> response = get(url);
      for (int hops = 0; hops < 15; hops++) {
        if (response.statusCode() / 100 == 3) {
          response = get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow())
              .toString());
        } else if (response.uri().getPort() == providerPort && response.uri().getPath().equals("/login")) {
          Matcher csrf = CSRF.matcher(response.body());
          assertThat(csrf.find()).as("the provider's login form has a CSRF token").isTrue();
          response = post(response.uri().toString(), "username=" + user + "&password=" + OidcProvider.PASSWORD
              + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        } else {
          return response;
        }
      }
      throw new AssertionError("too many redirects, last at " + response.uri());
    }

    HttpResponse<String> get(String url) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", HTML).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String form) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", HTML)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
