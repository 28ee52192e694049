package dev.vigil.starter.security;

import dev.vigil.starter.ticket.TicketExceptions;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenants a member of staff may see and act for. A ticket or entry of another tenant is answered as not found
 * (404), never as forbidden, so its existence does not leak.
 *
 * @param tenants the tenants, or null for every tenant
 */
public record StaffScope(Set<String> tenants) {
  /** Every tenant: unrestricted staff, and callers that are not staff at all (see {@link #current()}). */
  public static final StaffScope ALL = new StaffScope(null);

  public StaffScope {
    tenants = tenants == null ? null : Set.copyOf(tenants);
  }

  /** The scope of {@code authentication}. */
  public static StaffScope of(Authentication authentication) {
    return StaffAuthorities.tenants(authentication).map(StaffScope::new).orElse(ALL);
  }

  /**
   * The scope of the staff member this request runs for. Callers that are not staff were authorized another way
   * and see what that allows: the signed webhook, the customer status page (its per-ticket token) and the live
   * pages' pollers (which check the subscriber's scope themselves).
   */
  public static StaffScope current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return ALL;
    }
    return of(authentication);
  }

  public boolean unrestricted() {
    return tenants == null;
  }

  /** Whether this scope covers {@code tenant} (a ticket or entry without a tenant only for unrestricted staff). */
  public boolean allows(String tenant) {
    return tenants == null || (tenant != null && tenants.contains(tenant));
  }

  /** Refuses a ticket of a tenant this scope does not cover, as not found. */
  public void requireTicket(String tenant, String ticketId) {
    if (!allows(tenant)) {
      throw new TicketExceptions.TicketNotFound(ticketId);
    }
  }
}
