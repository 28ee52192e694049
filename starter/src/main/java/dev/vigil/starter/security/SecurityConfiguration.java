package dev.vigil.starter.security;

import dev.vigil.client.temporal.TemporalProperties;
import dev.vigil.starter.config.SecurityProperties.Role;
import dev.vigil.starter.config.SecurityProperties;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, in four filter chains.
 *
 * <ul>
 *   <li>The codec server ({@code /codec/**}): operators and admins, see {@link #codecSecurity}.
 *   <li>Machines ({@code /api/**}, actuator): HTTP Basic on every request, no session cookie and so no CSRF token;
 *       401 when unauthenticated, without a {@code WWW-Authenticate} challenge, so a browser never remembers API
 *       credentials that a hostile page's form post could then ride on. Open: the signed webhook and the health
 *       probe. Reads need any role, actions analyst or admin, metrics operator or admin.
 *   <li>The OpenAPI description ({@code /v3/**}): read-only, for HTTP Basic (code generators) or a signed-in
 *       session (Swagger UI); 401 otherwise.
 *   <li>People (the web UI and Swagger UI): form login (and single sign-on when configured) with a session, CSRF on for every form, unauthenticated
 *       pages redirect to {@code /login} (htmx and event-stream requests get 401 and htmx is told to go to the
 *       login page). Open: the login page, static assets and the customer status page (which
 *       checks its own per-ticket token). Pages need any role; actions on tickets and knowledge analyst or admin.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  public static final String ANALYST = "ANALYST";
  public static final String OPERATOR = "OPERATOR";
  public static final String ADMIN = "ADMIN";
  private static final LoginUrlAuthenticationEntryPoint LOGIN_PAGE = new LoginUrlAuthenticationEntryPoint("/login");
  /** 401 without a {@code WWW-Authenticate} challenge: browsers never prompt for, so never remember, API logins. */
  private static final HttpStatusEntryPoint NO_CHALLENGE = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);

  /**
   * The codec server ({@code /codec/**}) decrypts payloads for operators in the Temporal Web UI: operators and admins
   * only, by HTTP Basic or the web session (the Web UI sends Vigil's session cookie when its
   * {@code TEMPORAL_CODEC_INCLUDE_CREDENTIALS} is on). CORS admits the Web UI's origin alone. No CSRF token: the
   * endpoints accept {@code application/json} only, which a cross-site form cannot send and a script cannot send
   * without a preflight that CORS refuses to every other origin.
   */
  @Bean
  @Order(0)
  SecurityFilterChain codecSecurity(HttpSecurity http, TemporalProperties temporal) throws Exception {
    http
        .securityMatcher("/codec/**")
        .csrf(csrf -> csrf.disable())
        .cors(cors -> cors.configurationSource(codecCors(temporal)))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.OPTIONS, "/codec/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/codec/encode", "/codec/decode").hasAnyRole(OPERATOR, ADMIN)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(NO_CHALLENGE))
        .exceptionHandling(e -> e.authenticationEntryPoint(NO_CHALLENGE));
    return http.build();
  }

  /** The origins allowed to call the codec server: the configured ones, else the Temporal Web UI's. */
  static CorsConfigurationSource codecCors(TemporalProperties temporal) {
    List<String> origins = new ArrayList<>();
    if (temporal.codecCorsOrigins() != null) {
      temporal.codecCorsOrigins().stream().filter(o -> !o.isBlank()).map(String::strip).forEach(origins::add);
    }
    if (origins.isEmpty() && temporal.uiUrl() != null && !temporal.uiUrl().isBlank()) {
      URI ui = URI.create(temporal.uiUrl().strip());
      origins.add(ui.getScheme() + "://" + ui.getAuthority());
    }
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Content-Type", "X-Namespace", "Authorization", "Caller-Type"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/codec/**", cors);
    return source;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    http
        .securityMatcher("/api/**", "/actuator/**")
        // every request carries its credentials (HTTP Basic): there is no session cookie to forge
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            // webhooks authenticate by their signature (or static token), not by a user
            .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/*").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").hasAnyRole(OPERATOR, ADMIN)
            .requestMatchers("/api/v1/sync/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.DELETE, "/api/v1/customers/*", "/api/v1/knowledge/*").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, OPERATOR, ADMIN)
            .requestMatchers("/api/**").hasAnyRole(ANALYST, ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(NO_CHALLENGE));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiDescriptionSecurity(HttpSecurity http) throws Exception {
    http
        .securityMatcher("/v3/**")
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/v3/**").hasAnyRole(ANALYST, OPERATOR, ADMIN)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(NO_CHALLENGE))
        .exceptionHandling(e -> e.authenticationEntryPoint(NO_CHALLENGE));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain uiSecurity(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> sso,
      ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> staffUsers) throws Exception {
    if (sso.getIfAvailable() != null) {
      // single sign-on beside the configured users; roles and tenants come from the provider's claims
      http.oauth2Login(login -> login
          .loginPage("/login")
          .defaultSuccessUrl("/tickets", false)
          .failureUrl("/login?sso-error")
          .userInfoEndpoint(info -> info.oidcUserService(staffUsers.getObject())));
    }
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
            .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/webjars/**").permitAll()
            // the status page answers 404 to anything but the ticket's own signed token
            .requestMatchers(HttpMethod.GET, "/status/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/tickets/**", "/knowledge/**").hasAnyRole(ANALYST, ADMIN)
            .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(ANALYST, OPERATOR, ADMIN)
            .anyRequest().denyAll())
        .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::signInFirst))
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tickets", false).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  /** A section reload by htmx or a live stream: not a page to show the login form in, nor to return to. */
  private static boolean partialRequest(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return request.getHeader("HX-Request") != null || (accept != null && accept.contains("text/event-stream"));
  }

  /**
   * A page redirects to the login page; a section reload or a stream gets 401, and htmx is told to load the login
   * page as a whole page (instead of swapping the login form into a section).
   */
  private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException e) throws IOException, ServletException {
    if (partialRequest(request)) {
      response.setHeader("HX-Redirect", request.getContextPath() + "/login");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    } else {
      LOGIN_PAGE.commence(request, response, e);
    }
  }

  /** After signing in, people return to the page they asked for, never to a section fragment or a stream. */
  private static HttpSessionRequestCache pagesOnly() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !partialRequest(request)
        && !request.getRequestURI().endsWith("/stream"));
    return cache;
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
        .authorities(StaffAuthorities.of(List.of(Role.ADMIN, Role.ANALYST, Role.OPERATOR), null))
        .build());
    for (SecurityProperties.User user : properties.users()) {
      if (user.username().equals("admin")) {
        throw new IllegalStateException("vigil.security.users must not redefine 'admin'; set VIGIL_ADMIN_PASSWORD");
      }
      users.add(User.withUsername(user.username())
          .password(encoded(user.password(), encoder))
          .authorities(StaffAuthorities.of(user.roles(), user.tenants()))
          .build());
    }
    return new InMemoryUserDetailsManager(users);
  }

  /** Passwords already in Spring Security's {id} format are kept; plain ones are hashed now. */
  private static String encoded(String password, PasswordEncoder encoder) {
    return password.startsWith("{") ? password : encoder.encode(password);
  }
}
