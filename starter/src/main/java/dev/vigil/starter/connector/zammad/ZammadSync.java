package dev.vigil.starter.connector.zammad;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.starter.connector.NativeJson;
import dev.vigil.starter.connector.sync.PagedApi;
import dev.vigil.starter.connector.sync.SyncReader;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Resync from Zammad: the ticket search for open states updated since a date (pages of 50, expanded), then each
 * ticket's articles. Creation and article events carry the ids the webhooks give them ({@code zammad:created:<id>},
 * {@code zammad:article:<id>}).
 */
public final class ZammadSync implements SyncReader {
  private static final int PER_PAGE = 50;

  private final ZammadConnector connector;
  private final String url;
  private final String token;
  private final PagedApi api;

  public ZammadSync(ZammadConnector connector, String url, String token, PagedApi api) {
    this.connector = connector;
    this.url = url;
    this.token = token;
    this.api = api;
  }

  @Override
  public String source() {
    return ZammadConnector.SOURCE;
  }

  @Override
  public void read(Instant since, TicketSink sink) {
    String query = "state.name:(new OR open OR \"pending reminder\") AND updated_at:>="
        + DateTimeFormatter.ISO_LOCAL_DATE.format(since.atOffset(ZoneOffset.UTC));
    for (int page = 1; ; page++) {
      JsonNode tickets = get("/api/v1/tickets/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
          + "&expand=true&per_page=" + PER_PAGE + "&page=" + page, "zammad ticket search");
      for (JsonNode ticket : tickets) {
        String id = NativeJson.text(ticket, "id");
        if (id != null) {
          sink.accept(id, events(ticket, id));
        }
      }
      if (tickets.size() < PER_PAGE) {
        return;
      }
    }
  }

  private List<TicketEvent> events(JsonNode ticket, String id) {
    TicketFacts facts = connector.facts(ticket, id);
    Instant created = NativeJson.instant(ticket, "created_at", Instant.EPOCH);
    List<TicketEvent> events = new ArrayList<>();
    events.add(new TicketEvent("zammad:created:" + id, TicketEventType.CREATED, created, facts, null, null, null,
        null));
    for (JsonNode article : get("/api/v1/ticket_articles/by_ticket/" + id + "?expand=true",
        "zammad articles of ticket " + id)) {
      TicketEvent message = connector.article(article, ticket, created, facts);
      if (message != null) {
        events.add(message);
      }
    }
    String owner = NativeJson.text(ticket, "owner_id");
    if (owner != null && !owner.equals("1")) {
      events.add(new TicketEvent("zammad:assigned:" + id + ":" + owner, TicketEventType.ASSIGNED,
          NativeJson.instant(ticket, "updated_at", created), facts, null, new Analyst(owner, null), null, null));
    }
    return events;
  }

  private JsonNode get(String path, String what) {
    return api.get(() -> VendorHttp.request(url, path).header("Authorization", "Token token=" + token).GET()
        .build(), what);
  }
}
