package dev.vigil.starter.security;

import dev.vigil.starter.config.SecurityProperties;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may call what, in two filter chains.
 *
 * <ul>
 *   <li>Machines ({@code /api/**}, actuator): HTTP Basic on every request, no session cookie and so no CSRF token;
 *       401 when unauthenticated, without a {@code WWW-Authenticate} challenge, so a browser never remembers API
 *       credentials that a hostile page's form post could then ride on. Open: the signed webhook and the health
 *       probe. Reads need any role, actions analyst or admin, metrics operator or admin.
 *   <li>The OpenAPI description ({@code /v3/**}): read-only, for HTTP Basic (code generators) or a signed-in
 *       session (Swagger UI); 401 otherwise.
 *   <li>People (the web UI and Swagger UI): form login with a session, CSRF on for every form, unauthenticated
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
  SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
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
