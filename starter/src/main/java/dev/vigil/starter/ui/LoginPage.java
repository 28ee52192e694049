package dev.vigil.starter.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST, the failure redirect and sign-out. */
@Controller
public class LoginPage {

  @GetMapping("/login")
  public String login() {
    return "login";
  }
}
