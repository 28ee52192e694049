package dev.vigil.starter.status;

import dev.vigil.starter.config.TicketProperties;
import dev.vigil.starter.config.UiProperties;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer status link of a ticket, as analysts copy it into their channel: {@code /status/{id}?token=…}, with
 * {@code source=} for a ticket of another system than the default one (whose links keep their old form).
 */
@Component
public class StatusLinks {
  private final StatusTokens tokens;
  private final UiProperties ui;
  private final String defaultSource;

  public StatusLinks(StatusTokens tokens, UiProperties ui, TicketProperties tickets) {
    this.tokens = tokens;
    this.ui = ui;
    this.defaultSource = tickets.source();
  }

  /**
   * The absolute link to ticket {@code ticketId} of {@code source}: under {@code VIGIL_PUBLIC_URL} when set, else
   * under the address of the request being served (so it must then be called while serving one).
   */
  public String linkFor(String source, String ticketId) {
    UriComponentsBuilder base = ui.publicUrl() == null || ui.publicUrl().isBlank()
        ? ServletUriComponentsBuilder.fromCurrentContextPath()
        : UriComponentsBuilder.fromUriString(ui.publicUrl());
    String signedSource = signedSource(source);
    return base.path("/status/{ticketId}")
        .queryParamIfPresent("source", Optional.ofNullable(signedSource).map(s -> "{source}"))
        .queryParam("token", "{token}")
        .buildAndExpand(Map.of("ticketId", ticketId, "source", signedSource == null ? "" : signedSource,
            "token", tokens.tokenFor(signedSource, ticketId)))
        .encode().toUriString();
  }

  /** True only for the own token of ticket {@code ticketId} of {@code source}. */
  public boolean opens(String source, String ticketId, String token) {
    return tokens.opens(signedSource(source), ticketId, token);
  }

  /** The source a token names: none for the default one (or none given). */
  private String signedSource(String source) {
    return source == null || source.equals(defaultSource) ? null : source;
  }
}
