package dev.vigil.starter.ui;

import dev.vigil.starter.security.OidcConfiguration;
import dev.vigil.starter.security.OidcProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form, and the single sign-on link when a provider is configured; Spring Security handles the POST,
 * the OIDC round trip, the failure redirect and sign-out.
 */
@Controller
public class LoginPage {
  private final OidcProperties oidc;

  public LoginPage(OidcProperties oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/login")
  public String login(Model model) {
    if (oidc.enabled()) {
      model.addAttribute("ssoName", oidc.displayName());
      model.addAttribute("ssoUrl", "/oauth2/authorization/" + OidcConfiguration.REGISTRATION_ID);
    }
    return "login";
  }
}
