package dev.vigil.starter.security;

import dev.vigil.starter.config.SecurityProperties.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a member of staff may do and see, as Spring Security authorities, the same for configured users and for
 * single sign-on: {@code ROLE_ANALYST|OPERATOR|ADMIN}, and the tenants they work for — {@code TENANT:acme} per
 * tenant, or {@code TENANT:*} for all of them (a user configured without tenants).
 */
public final class StaffAuthorities {
  static final String TENANT_PREFIX = "TENANT:";
  static final String ALL_TENANTS = TENANT_PREFIX + "*";

  private StaffAuthorities() {}

  /** Authorities for these roles and tenants; {@code tenants} null means every tenant. */
  public static List<GrantedAuthority> of(Collection<Role> roles, Collection<String> tenants) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Role role : roles) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
    if (tenants == null) {
      authorities.add(new SimpleGrantedAuthority(ALL_TENANTS));
    } else {
      tenants.forEach(t -> authorities.add(new SimpleGrantedAuthority(TENANT_PREFIX + t)));
    }
    return authorities.stream().distinct().toList();
  }

  /** The tenants {@code authentication} is limited to, or empty when it may see all of them. */
  public static Optional<Set<String>> tenants(Authentication authentication) {
    Set<String> tenants = new TreeSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      String name = authority.getAuthority();
      if (name.equals(ALL_TENANTS)) {
        return Optional.empty();
      }
      if (name.startsWith(TENANT_PREFIX)) {
        tenants.add(name.substring(TENANT_PREFIX.length()));
      }
    }
    return Optional.of(tenants);
  }

  /** A role named in a claim or setting ({@code analyst}, {@code Operator}…), if it is one. */
  static Optional<Role> role(String name) {
    try {
      return Optional.of(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
