package dev.vigil.starter.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use Vigil ({@code vigil.security.*}): the {@code admin} user and any further users with their roles.
 *
 * @param adminPassword password of the {@code admin} user ({@code VIGIL_ADMIN_PASSWORD})
 * @param users further users; passwords are plain text or Spring Security encoded ({@code {bcrypt}...})
 */
@Validated
@ConfigurationProperties("vigil.security")
public record SecurityProperties(
    @NotBlank(message = "set VIGIL_ADMIN_PASSWORD (only the embedded mode generates one)") String adminPassword,
    @Valid List<User> users) {

  public SecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * A configured user; roles among {@code analyst}, {@code operator}, {@code admin}; {@code tenants} the tenants
   * they work for (absent: all tenants).
   */
  public record User(@NotBlank String username, @NotBlank String password, @NotEmpty List<Role> roles,
      List<@NotBlank String> tenants) {
    public User {
      tenants = tenants == null ? null : List.copyOf(tenants);
    }
  }

  /** What a user may do: analysts act on tickets, operators inspect, admins do both and administer. */
  public enum Role {
    ANALYST,
    OPERATOR,
    ADMIN
  }
}
