package dev.vigil.starter.live;

import dev.vigil.starter.config.UiProperties;
import dev.vigil.starter.ticket.TicketExceptions;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.TicketIds;
import dev.vigil.workflows.ticket.TicketView;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes ticket changes to open pages over server-sent events. Watched tickets are queried (a Temporal query: it
 * adds nothing to the history and works whether the worker runs in this process or elsewhere) once per poll
 * interval however many pages watch them; each subscriber turns the difference from the view it last saw into
 * events. Nothing is watched while no page is open.
 */
@Component
public class TicketWatch extends PollingWatch {
  private static final Logger log = LoggerFactory.getLogger(TicketWatch.class);
  /** At most this many open streams in all: each holds a connection (the status page needs none to work). */
  static final int MAX_STREAMS = 2_000;

  /**
   * Who a stream is for. Each audience has its own cap per ticket, so customers' status-page tabs can never take the
   * places analysts' ticket pages need (and the other way round).
   */
  public enum Audience {
    ANALYSTS(20),
    CUSTOMERS(10);

    private final int maxPerTicket;

    Audience(int maxPerTicket) {
      this.maxPerTicket = maxPerTicket;
    }

    int maxPerTicket() {
      return maxPerTicket;
    }
  }

  /** Turns the change between the view a subscriber last saw and the current one into events for it. */
  @FunctionalInterface
  public interface Renderer {
    /** Events to send; {@code before} is null on the first poll after subscribing. */
    List<SseEmitter.SseEventBuilder> events(TicketView before, TicketView after);
  }

  /** A watched ticket: its system and its id there (the same id in two systems is two tickets). */
  private record Watched(String source, String ticketId) {}

  private final TicketService tickets;
  private final Map<Watched, List<Subscription>> watched = new ConcurrentHashMap<>();

  public TicketWatch(TicketService tickets, UiProperties ui) {
    super("vigil-ticket-watch", ui.pollInterval());
    this.tickets = tickets;
  }

  @Override
  void closeStreams() {
    watched.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
    watched.clear();
  }

  /**
   * Opens a stream of the changes of ticket {@code ticketId} of {@code source}, rendered for one page.
   *
   * @param seen {@link TicketView#hashCode()} of the view the page was rendered from, or null: when the first poll
   *     finds the same view nothing is sent, otherwise the renderer gets a null "before" (refresh everything)
   */
  public SseEmitter subscribe(String source, String ticketId, Audience audience, Integer seen, Renderer renderer) {
    Watched ticket = new Watched(source, ticketId);
    if (streams() >= MAX_STREAMS) {
      throw new TooManyStreams("too many live pages are open; this one will not update by itself");
    }
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    Subscription subscription = new Subscription(emitter, renderer, seen, audience);
    boolean[] added = {false};
    watched.compute(ticket, (id, list) -> {
      List<Subscription> subscriptions = list == null ? new CopyOnWriteArrayList<>() : list;
      if (subscriptions.stream().filter(s -> s.audience == audience).count() < audience.maxPerTicket()) {
        subscriptions.add(subscription);
        added[0] = true;
      }
      return subscriptions.isEmpty() ? null : subscriptions;
    });
    if (!added[0]) {
      throw new TooManyStreams("too many live " + (audience == Audience.CUSTOMERS ? "status pages" : "ticket pages")
          + " follow ticket " + ticketId + "; this one will not update by itself");
    }
    Runnable remove = () -> unsubscribe(ticket, subscription);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    return emitter;
  }

  private int streams() {
    return watched.values().stream().mapToInt(List::size).sum();
  }

  /** Refused stream: the page still works, it just does not update live. Answered with 429. */
  public static class TooManyStreams extends RuntimeException {
    public TooManyStreams(String message) {
      super(message);
    }
  }

  /** The workflow ids of the tickets some page watches now (for tests and diagnostics). */
  public Set<String> watchedTickets() {
    return watched.keySet().stream().map(w -> TicketIds.workflowId(w.source(), w.ticketId()))
        .collect(Collectors.toUnmodifiableSet());
  }

  private void unsubscribe(Watched ticket, Subscription subscription) {
    watched.computeIfPresent(ticket, (id, list) -> {
      list.remove(subscription);
      return list.isEmpty() ? null : list;
    });
  }

  @Override
  void poll(boolean heartbeat) {
    for (Map.Entry<Watched, List<Subscription>> entry : watched.entrySet()) {
      TicketView view;
      try {
        view = tickets.view(entry.getKey().source(), entry.getKey().ticketId());
      } catch (TicketExceptions.TicketNotFound e) {
        watched.remove(entry.getKey()); // the ticket's run is gone: end its streams instead of asking forever
        entry.getValue().forEach(s -> s.emitter.complete());
        continue;
      } catch (RuntimeException e) {
        log.debug("cannot read watched ticket {}: {}", entry.getKey(), e.toString());
        continue; // Temporal briefly unreachable: the next poll tries again, pages keep what they show
      }
      for (Subscription subscription : entry.getValue()) {
        subscription.offer(view, heartbeat, () -> unsubscribe(entry.getKey(), subscription));
      }
    }
  }

  private static final class Subscription {
    private final SseEmitter emitter;
    private final Renderer renderer;
    private final Audience audience;
    private Integer seen;
    private TicketView last;

    Subscription(SseEmitter emitter, Renderer renderer, Integer seen, Audience audience) {
      this.emitter = emitter;
      this.renderer = renderer;
      this.seen = seen;
      this.audience = audience;
    }

    void offer(TicketView view, boolean heartbeat, Runnable gone) {
      if (last == null && seen != null && seen == view.hashCode()) {
        last = view; // the page already shows this view
      }
      seen = null;
      try {
        List<SseEmitter.SseEventBuilder> events = renderer.events(last, view);
        for (SseEmitter.SseEventBuilder event : events) {
          emitter.send(event);
        }
        if (events.isEmpty() && heartbeat) {
          emitter.send(SseEmitter.event().comment("alive"));
        }
        last = view;
      } catch (IOException | IllegalStateException e) {
        gone.run(); // the page went away
      } catch (RuntimeException e) {
        log.warn("live update of a page failed; its stream is closed and the browser reconnects", e);
        gone.run();
        emitter.completeWithError(e);
      }
    }
  }
}
