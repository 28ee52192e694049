package dev.vigil.starter.ui;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the web UI's templates {@link TicketLinks} as the model attribute {@code ticketLinks}: link expressions
 * ({@code @{…}}) are evaluated in Thymeleaf's restricted mode, which refuses bean references but not the model.
 */
@ControllerAdvice(basePackageClasses = TicketLinksAdvice.class)
public class TicketLinksAdvice {
  private final TicketLinks links;

  public TicketLinksAdvice(TicketLinks links) {
    this.links = links;
  }

  @ModelAttribute("ticketLinks")
  public TicketLinks ticketLinks() {
    return links;
  }
}
