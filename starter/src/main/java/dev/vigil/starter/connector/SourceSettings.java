package dev.vigil.starter.connector;

import dev.vigil.activities.notify.SignatureException;
import dev.vigil.workflows.ticket.Priority;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One system's inbound settings ({@code vigil.connectors.<source>.*}).
 *
 * @param webhookSecret the shared secret its webhooks are signed with ({@code VIGIL_<SOURCE>_WEBHOOK_SECRET}); blank
 *     refuses every delivery with 401
 * @param tenants the system's organisation (Zendesk organisation id, Jira project key, Zammad organisation id,
 *     GitHub repository owner) → Vigil tenant; an organisation not listed is its own tenant
 * @param defaultTenant the tenant of tickets without an organisation
 * @param priorities the system's priority names (GitHub: label names), in any case → Vigil priority; empty uses the
 *     connector's defaults
 */
public record SourceSettings(String webhookSecret, Map<String, String> tenants, String defaultTenant,
    Map<String, Priority> priorities) {
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public SourceSettings {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    Map<String, Priority> lower = new HashMap<>();
    if (priorities != null) {
      priorities.forEach((name, priority) -> lower.put(name.toLowerCase(Locale.ROOT), priority));
    }
    priorities = Map.copyOf(lower);
  }

  public static SourceSettings withSecret(String secret) {
    return new SourceSettings(secret, Map.of(), null, Map.of());
  }

  /** The secret, or a 401 naming the setting that is missing (a connector without its secret is never open). */
  public String requireSecret(String source) {
    if (webhookSecret == null || webhookSecret.isBlank()) {
      throw new SignatureException("VIGIL_" + source.toUpperCase(Locale.ROOT) + "_WEBHOOK_SECRET is not set: "
          + source + " webhooks are refused");
    }
    return webhookSecret;
  }

  /** The Vigil tenant of an organisation key (null: the default tenant). */
  public String tenant(String organisation, String fallback) {
    if (organisation != null && tenants.containsKey(organisation)) {
      return tenants.get(organisation);
    }
    if (organisation != null && TENANT.matcher(organisation).matches()) {
      return organisation;
    }
    return defaultTenant == null || defaultTenant.isBlank() ? fallback : defaultTenant;
  }

  /** The Vigil priority of a vendor priority name; {@code defaults} when this source configures none. */
  public Priority priority(String name, Map<String, Priority> defaults) {
    if (name == null) {
      return null;
    }
    Map<String, Priority> table = priorities.isEmpty() ? defaults : priorities;
    return table.get(name.toLowerCase(Locale.ROOT).trim());
  }
}
