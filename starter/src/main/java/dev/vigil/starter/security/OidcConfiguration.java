package dev.vigil.starter.security;

import dev.vigil.starter.config.SecurityProperties.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with an OpenID Connect provider, when {@code VIGIL_OIDC_ISSUER_URI} is set: the client
 * registration {@value #REGISTRATION_ID} (discovered from the issuer) and the mapping of the provider's claims to
 * Vigil's roles and tenants.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfiguration.Enabled.class)
public class OidcConfiguration {
  /** The registration id: the redirect URI is {@code <Vigil>/login/oauth2/code/vigil}. */
  public static final String REGISTRATION_ID = "vigil";

  @Bean
  ClientRegistrationRepository clientRegistrations(OidcProperties oidc) {
    ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
        .registrationId(REGISTRATION_ID)
        .clientId(oidc.clientId())
        .clientSecret(oidc.clientSecret())
        .scope("openid", "profile", "email")
        .userNameAttributeName(oidc.usernameClaim())
        .clientName(oidc.displayName())
        .build();
    return new InMemoryClientRegistrationRepository(registration);
  }

  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> staffUserService(OidcProperties oidc) {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser user = delegate.loadUser(request);
      Set<Role> roles = new LinkedHashSet<>();
      for (String name : claimValues(user.getClaims().get(oidc.rolesClaim()))) {
        Role mapped = oidc.roleMapping().get(name);
        if (mapped != null) {
          roles.add(mapped);
        } else {
          StaffAuthorities.role(name).ifPresent(roles::add);
        }
      }
      if (roles.isEmpty()) {
        throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "the identity provider gives "
            + "this user no Vigil role (claim '" + oidc.rolesClaim() + "')", null));
      }
      Object tenantClaim = user.getClaims().get(oidc.tenantsClaim());
      List<String> tenants = tenantClaim == null ? null : claimValues(tenantClaim);
      return new DefaultOidcUser(StaffAuthorities.of(roles, tenants), user.getIdToken(), user.getUserInfo(),
          oidc.usernameClaim());
    };
  }

  /** A claim's values: a JSON list, or one string of space- or comma-separated names. */
  static List<String> claimValues(Object claim) {
    List<String> values = new ArrayList<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(v -> values.add(String.valueOf(v).strip()));
    } else if (claim != null) {
      for (String part : String.valueOf(claim).split("[\\s,]+")) {
        values.add(part.strip());
      }
    }
    values.removeIf(String::isEmpty);
    return values;
  }

  /** Matches when an issuer is configured. */
  static final class Enabled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !context.getEnvironment().getProperty("vigil.security.oidc.issuer-uri", "").isBlank();
    }
  }
}
