package dev.vigil.starter.ui;

import dev.vigil.starter.security.StaffAuthorities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Formatting helpers the templates call as {@code @fmt}: times in UTC, relative times, role names. */
@Component("fmt")
public class UiFormats {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Clock clock = Clock.systemUTC();

  public String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  /** "in 1 h 20 min", "3 min ago", "now". */
  public String relative(Instant t) {
    if (t == null) {
      return "";
    }
    Duration d = Duration.between(clock.instant(), t);
    boolean future = !d.isNegative();
    long seconds = Math.abs(d.getSeconds());
    if (seconds < 60) {
      return future ? "in under a minute" : "just now";
    }
    String span = seconds < 3_600 ? seconds / 60 + " min"
        : seconds < 86_400 ? seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min"
        : seconds / 86_400 + " d " + seconds % 86_400 / 3_600 + " h";
    return future ? "in " + span : span + " ago";
  }

  /** A percentage with no decimals, or an em dash when there is nothing to divide. */
  public String percent(double value) {
    return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.0f%%", value);
  }

  public String roles(Authentication authentication) {
    if (authentication == null) {
      return "";
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()).toLowerCase(Locale.ROOT))
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** The tenants a member of staff works for, for the page header: empty when they see every tenant. */
  public String tenants(Authentication authentication) {
    if (authentication == null) {
      return "";
    }
    return StaffAuthorities.tenants(authentication).map(t -> "tenants: " + String.join(", ", t)).orElse("");
  }
}
