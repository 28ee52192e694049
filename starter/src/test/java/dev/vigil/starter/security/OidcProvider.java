package dev.vigil.starter.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the single sign-on test (Spring Authorization Server): three people, whose ID
 * tokens carry the claims an identity provider would send Vigil.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OidcProvider {
  static final String PASSWORD = "provider-pw";

  /** Claims per user: an operator for acme, an analyst by the provider's own group name, someone with no role. */
  static final Map<String, Map<String, Object>> CLAIMS = Map.of(
      "sso-olive", Map.of("roles", List.of("operator"), "tenants", List.of("acme")),
      "sso-sam", Map.of("roles", "support-team"),
      "sso-nobody", Map.of());

  @Bean
  UserDetailsService providerUsers() {
    return new InMemoryUserDetailsManager(CLAIMS.keySet().stream()
        .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build()).toList());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> vigilClaims() {
    return context -> {
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        String user = context.getPrincipal().getName();
        context.getClaims().claim("preferred_username", user);
        CLAIMS.getOrDefault(user, Map.of()).forEach((name, value) -> context.getClaims().claim(name, value));
      }
    };
  }
}
