package dev.vigil.starter.security;

import dev.vigil.starter.config.SecurityProperties.Role;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on for the web UI with an OpenID Connect provider ({@code vigil.security.oidc.*}), beside the
 * configured users. Off while {@code issuerUri} is blank.
 *
 * @param issuerUri the provider's issuer (its discovery document is read at start-up)
 * @param clientId Vigil's client id at the provider
 * @param clientSecret Vigil's client secret
 * @param displayName the provider's name on the sign-in page
 * @param usernameClaim the claim that names the user
 * @param rolesClaim the claim listing the user's roles (a list, or a space/comma-separated string)
 * @param tenantsClaim the claim listing the tenants the user works for; a user without it sees every tenant
 * @param roleMapping provider role names mapped to Vigil's roles (e.g. {@code support-team: analyst}); names equal
 *     to a Vigil role ({@code analyst}, {@code operator}, {@code admin}) map to it without an entry
 */
@ConfigurationProperties("vigil.security.oidc")
public record OidcProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    String displayName,
    String usernameClaim,
    String rolesClaim,
    String tenantsClaim,
    Map<String, Role> roleMapping) {

  public OidcProperties {
    displayName = blank(displayName) ? "single sign-on" : displayName;
    usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
    rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
    tenantsClaim = blank(tenantsClaim) ? "tenants" : tenantsClaim;
    roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
  }

  public boolean enabled() {
    return !blank(issuerUri);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
