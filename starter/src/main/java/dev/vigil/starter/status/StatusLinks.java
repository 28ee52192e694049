package dev.vigil.starter.status;

import dev.vigil.starter.config.UiProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The customer status link of a ticket, as analysts copy it into their channel. */
@Component
public class StatusLinks {
  private final StatusTokens tokens;
  private final UiProperties ui;

  public StatusLinks(StatusTokens tokens, UiProperties ui) {
    this.tokens = tokens;
    this.ui = ui;
  }

  /**
   * The absolute link: under {@code VIGIL_PUBLIC_URL} when set, else under the address of the request being served
   * (so it must then be called while serving one).
   */
  public String linkFor(String ticketId) {
    UriComponentsBuilder base = ui.publicUrl() == null || ui.publicUrl().isBlank()
        ? ServletUriComponentsBuilder.fromCurrentContextPath()
        : UriComponentsBuilder.fromUriString(ui.publicUrl());
    return base.path("/status/{ticketId}").queryParam("token", "{token}")
        .buildAndExpand(ticketId, tokens.tokenFor(ticketId)).encode().toUriString();
  }
}
