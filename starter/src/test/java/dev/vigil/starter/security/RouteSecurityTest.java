package dev.vigil.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.starter.support.EmbeddedApiTest;
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
 * Enumerates every route the application serves and checks that, unauthenticated, each one is refused, except the
 * signed webhook and the health probe. A new route cannot slip through unprotected.
 */
class RouteSecurityTest extends EmbeddedApiTest {
  private static final Set<String> OPEN = Set.of("POST /api/v1/webhooks/tickets");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyRouteButTheWebhookAndHealthNeedsAuthentication() {
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
          int status = switch (method) {
            case GET -> http.get(path, null, null).status();
            case POST -> http.post(path, "{}", null, null).status();
            default -> throw new AssertionError("unexpected method in " + route);
          };
          assertThat(status).as(route).isEqualTo(401);
          checked.add(route);
        }
      }
    }
    assertThat(checked).as("routes checked").hasSizeGreaterThan(15)
        .contains("GET /api/v1/tickets", "POST /api/v1/knowledge", "GET /v3/api-docs");
    assertThat(http.get("/actuator/prometheus", null, null).status()).isEqualTo(401);
    assertThat(http.get("/actuator/health", null, null).status()).isEqualTo(200);
  }
}
