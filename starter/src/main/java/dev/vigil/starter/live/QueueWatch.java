package dev.vigil.starter.live;

import dev.vigil.starter.config.UiProperties;
import dev.vigil.starter.security.StaffScope;
import dev.vigil.starter.ticket.TicketDirectory;
import dev.vigil.starter.ticket.TicketFilter;
import dev.vigil.starter.ticket.TicketSummary;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open queue pages when the ticket list changed (an event named {@code queue}); the page then re-reads its
 * own filtered rows. The list is read once per interval for all pages, and not at all while none is open.
 */
@Component
public class QueueWatch extends PollingWatch {
  private static final Logger log = LoggerFactory.getLogger(QueueWatch.class);
  /** How many of the newest tickets are compared: a change further down is not a live concern. */
  static final int WATCHED_ROWS = 200;
  public static final String EVENT = "queue";

  private final TicketDirectory directory;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  public QueueWatch(TicketDirectory directory, UiProperties ui) {
    super("vigil-queue-watch", ui.queuePollInterval());
    this.directory = directory;
  }

  @Override
  void closeStreams() {
    subscribers.forEach(s -> s.emitter.complete());
    subscribers.clear();
  }

  public SseEmitter subscribe() {
    if (subscribers.size() >= TicketWatch.MAX_STREAMS) {
      throw new TicketWatch.TooManyStreams("too many live queue pages are open; this one will not update by "
          + "itself");
    }
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    // the poller runs on its own thread: each page's tenants are taken now, on the page's request
    Subscriber subscriber = new Subscriber(emitter, StaffScope.current());
    subscribers.add(subscriber);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(e -> subscribers.remove(subscriber));
    return emitter;
  }

  @Override
  void poll(boolean heartbeat) {
    if (subscribers.isEmpty()) {
      return;
    }
    if (heartbeat) { // finds the streams of closed tabs, so an idle queue stops being read
      for (Subscriber subscriber : subscribers) {
        try {
          subscriber.emitter.send(SseEmitter.event().comment("alive"));
        } catch (IOException | RuntimeException e) {
          subscribers.remove(subscriber);
        }
      }
      if (subscribers.isEmpty()) {
        return;
      }
    }
    List<TicketSummary> rows;
    try {
      rows = directory.list(new TicketFilter(null, null, null, null, WATCHED_ROWS));
    } catch (RuntimeException e) {
      log.debug("cannot list tickets for the queue pages: {}", e.toString());
      return;
    }
    for (Subscriber subscriber : subscribers) {
      List<TicketSummary> visible = subscriber.scope.unrestricted() ? rows
          : rows.stream().filter(row -> subscriber.scope.allows(row.tenant())).toList();
      if (visible.equals(subscriber.last)) {
        continue;
      }
      try {
        // the first poll after subscribing also refreshes: the list may have changed since the page was rendered
        subscriber.emitter.send(SseEmitter.event().name(EVENT).data(visible.size()));
        subscriber.last = visible;
      } catch (IOException | RuntimeException e) {
        subscribers.remove(subscriber);
      }
    }
  }

  private static final class Subscriber {
    final SseEmitter emitter;
    final StaffScope scope;
    volatile List<TicketSummary> last;

    Subscriber(SseEmitter emitter, StaffScope scope) {
      this.emitter = emitter;
      this.scope = scope;
    }
  }
}
