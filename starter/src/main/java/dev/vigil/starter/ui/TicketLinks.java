package dev.vigil.starter.ui;

import dev.vigil.starter.config.TicketProperties;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketView;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The web UI's addresses of a ticket's pages, for templates ({@code @{${ticketLinks.of(view, '/resolve')}}}, see
 * {@link TicketLinksAdvice}) and redirects: {@code /tickets/{id}…} and {@code /status/{id}…}, with {@code ?source=}
 * when the ticket belongs to another system than the default one — so a default-source ticket keeps the address it
 * always had, and every other ticket opens as itself, not as the default source's ticket of the same id.
 * Context-relative and encoded (a GitHub issue's {@code #} is {@code %23}).
 */
@Component("ticketLinks")
public class TicketLinks {
  private final String defaultSource;

  public TicketLinks(TicketProperties tickets) {
    this.defaultSource = tickets.source();
  }

  /** {@code /tickets/{id}}, with {@code ?source=} for a ticket of another system than the default. */
  public String ticket(String source, String ticketId) {
    return ticket(source, ticketId, "");
  }

  /** {@code /tickets/{id}{suffix}} ({@code suffix} a literal path such as {@code /resolve}). */
  public String ticket(String source, String ticketId, String suffix) {
    return link("/tickets/{id}" + suffix, source, ticketId);
  }

  /** The address of {@code suffix} under the page of the ticket {@code view} shows. */
  public String of(TicketView view, String suffix) {
    return ticket(sourceOf(view), view.ticketId(), suffix);
  }

  /** {@code /status/{id}{suffix}} of the ticket {@code view} shows (the token is the caller's to add). */
  public String status(TicketView view, String suffix) {
    return link("/status/{id}" + suffix, sourceOf(view), view.ticketId());
  }

  private String link(String template, String source, String ticketId) {
    return UriComponentsBuilder.fromPath(template)
        .queryParamIfPresent("source", Optional.ofNullable(source).filter(s -> !s.equals(defaultSource)))
        .buildAndExpand(ticketId).encode().toUriString();
  }

  /** The ticket's system, from its workflow id ({@code ticket:<source>:<id>}); the default for another shape. */
  private String sourceOf(TicketView view) {
    String source = TicketIds.sourceOf(view.workflowId());
    return source == null ? defaultSource : source;
  }
}
