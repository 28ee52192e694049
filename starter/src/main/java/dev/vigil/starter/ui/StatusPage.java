package dev.vigil.starter.ui;

import dev.vigil.starter.live.TicketChanges;
import dev.vigil.starter.live.TicketWatch;
import dev.vigil.starter.status.StatusLinks;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketView;
import dev.vigil.workflows.ticket.TimelineEntry;
import dev.vigil.workflows.ticket.TimelineKind;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The customer's status page: the ticket's status and the replies sent to the customer, live. Open without a login
 * but only with the ticket's own signed token; a wrong token, another ticket's token and a ticket that does not
 * exist all get the same 404, so the page tells nothing about which tickets exist. It shows no internal data
 * (decisions, suggestions, alerts, assignee details beyond what the replies say). A ticket of another system than the
 * default one is addressed with {@code ?source=}, which its token signs too.
 */
@Controller
@RequestMapping("/status/{ticketId}")
public class StatusPage {
  static final String UPDATE_EVENT = "update";

  private final StatusLinks links;
  private final TicketService tickets;
  private final TicketWatch watch;

  public StatusPage(StatusLinks links, TicketService tickets, TicketWatch watch) {
    this.links = links;
    this.tickets = tickets;
    this.watch = watch;
  }

  @GetMapping
  public String page(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) String token, Model model) {
    show(opened(source, ticketId, token), token, model);
    return "status";
  }

  @GetMapping("/updates")
  public String updates(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) String token, Model model) {
    show(opened(source, ticketId, token), token, model);
    return "status :: updates";
  }

  /** An {@code update} event whenever the status or the replies sent to the customer change. */
  @GetMapping(path = "/stream", produces = "text/event-stream")
  @ResponseBody
  public SseEmitter stream(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) String token, @RequestParam(required = false) Integer seen) {
    TicketView view = opened(source, ticketId, token);
    return watch.subscribe(TicketIds.sourceOf(view.workflowId()), ticketId, TicketWatch.Audience.CUSTOMERS, seen,
        (before, after) -> TicketChanges.customerVisibleChanged(before, after)
            ? List.of(SseEmitter.event().name(UPDATE_EVENT).data(after.status().wireName()))
            : List.of());
  }

  private static void show(TicketView view, String token, Model model) {
    List<Message> replies = TicketChanges.repliesOf(view);
    model.addAttribute("view", view);
    model.addAttribute("replies", replies);
    model.addAttribute("lastChange", lastVisibleChange(view, replies));
    model.addAttribute("token", token);
  }

  /** When the customer last saw something change: a reply or a status change, not internal activity. */
  private static Instant lastVisibleChange(TicketView view, List<Message> replies) {
    Instant last = view.createdAt();
    for (Message reply : replies) {
      last = later(last, reply.at() != null ? reply.at() : reply.receivedAt());
    }
    for (TimelineEntry entry : view.timeline()) {
      if (entry.kind() == TimelineKind.STATUS) {
        last = later(last, entry.at());
      }
    }
    return last;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  /** The ticket, when the token is its own; every other case is the same 404. */
  private TicketView opened(String requestedSource, String ticketId, String token) {
    String source;
    try {
      source = tickets.source(requestedSource);
    } catch (IllegalArgumentException e) {
      throw new UiExceptionHandler.PageNotFound();
    }
    if (!TicketIds.isValidTicketId(ticketId) || !links.opens(source, ticketId, token)) {
      throw new UiExceptionHandler.PageNotFound();
    }
    try {
      return tickets.view(source, ticketId);
    } catch (TicketExceptions.TicketNotFound e) {
      throw new UiExceptionHandler.PageNotFound();
    }
  }
}
