package dev.vigil.starter.security;

import dev.vigil.starter.config.SecurityProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Open: the signed webhook and the health probe. API reads need any role; API actions need
 * analyst or admin; metrics and everything else need a signed-in user (operators for metrics).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  public static final String ANALYST = "ANALYST";
  public static final String OPERATOR = "OPERATOR";
  public static final String ADMIN = "ADMIN";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    http
        // the API authenticates every request with HTTP Basic, so there is no session cookie to forge
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/tickets").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/error").permitAll()
            .requestMatchers("/actuator/**").hasAnyRole(OPERATOR, ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, OPERATOR, ADMIN)
            .requestMatchers("/api/**").hasAnyRole(ANALYST, ADMIN)
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder) {
    List<UserDetails> users = new ArrayList<>();
    users.add(User.withUsername("admin")
        .password(encoded(properties.adminPassword(), encoder))
        .roles(ADMIN, ANALYST, OPERATOR)
        .build());
    for (SecurityProperties.User user : properties.users()) {
      if (user.username().equals("admin")) {
        throw new IllegalStateException("vigil.security.users must not redefine 'admin'; set VIGIL_ADMIN_PASSWORD");
      }
      users.add(User.withUsername(user.username())
          .password(encoded(user.password(), encoder))
          .roles(user.roles().stream().map(r -> r.name().toUpperCase(Locale.ROOT)).toArray(String[]::new))
          .build());
    }
    return new InMemoryUserDetailsManager(users);
  }

  /** Passwords already in Spring Security's {id} format are kept; plain ones are hashed now. */
  private static String encoded(String password, PasswordEncoder encoder) {
    return password.startsWith("{") ? password : encoder.encode(password);
  }
}
