package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.activities.notify.SignatureException;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Role;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, whatever the system: verify its scheme, map each kind of change to Vigil's event,
 * and give a delivery the same event ids every time it arrives. A system without some kind of change says so by
 * returning null for that fixture; the test is then skipped with the reason.
 */
public abstract class ConnectorContract {
  protected static final String SECRET = "contract-secret-of-the-source";
  protected static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

  /** A native delivery: its headers (unsigned) and body, and what Vigil knows of the ticket when it arrives. */
  public record Delivery(Map<String, String> headers, String body, KnownTicket known) {
    public Delivery(Map<String, String> headers, String body) {
      this(headers, body, null);
    }

    public Delivery knowing(KnownTicket known) {
      return new Delivery(headers, body, known);
    }

    byte[] bytes() {
      return body.getBytes(StandardCharsets.UTF_8);
    }
  }

  protected abstract Connector connector(String secret);

  /** The signature headers of {@code body} signed with {@code secret} at {@code at}. */
  protected abstract Map<String, String> sign(byte[] body, String secret, Instant at);

  /** The header(s) carrying the signature, to remove for the missing-signature case. */
  protected abstract List<String> signatureHeaders();

  protected abstract String expectedTicketId();

  protected abstract Delivery created();

  protected abstract Delivery customerComment();

  protected abstract Delivery staffPublicComment();

  /** Null where the system has no internal comments. */
  protected abstract Delivery staffInternalComment();

  protected abstract Delivery assignment();

  protected abstract String expectedAssignee();

  protected abstract Delivery priorityChange();

  protected abstract Priority expectedPriority();

  protected abstract Delivery resolved();

  protected abstract Delivery closed();

  protected abstract Delivery reopened();

  /** True for schemes that sign a timestamp (and so refuse stale requests). */
  protected boolean timestamped() {
    return false;
  }

  // --- verification ---

  private InboundRequest signed(Delivery delivery, String secret, Instant at) {
    Map<String, String> headers = new HashMap<>(lower(delivery.headers()));
    headers.putAll(lower(sign(delivery.bytes(), secret, at)));
    return new InboundRequest(headers, delivery.bytes(), NOW);
  }

  private static Map<String, String> lower(Map<String, String> headers) {
    Map<String, String> out = new HashMap<>();
    headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  @Test
  void aValidSignatureIsAccepted() {
    connector(SECRET).verify(signed(created(), SECRET, NOW));
  }

  @Test
  void aWrongSecretOrATamperedBodyIsRefused() {
    assertThatThrownBy(() -> connector(SECRET).verify(signed(created(), "another-secret-entirely", NOW)))
        .isInstanceOf(SignatureException.class);
    InboundRequest good = signed(created(), SECRET, NOW);
    byte[] tampered = new String(good.body(), StandardCharsets.UTF_8).replaceFirst("\\}\\s*$", ",\"x\":1}")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> connector(SECRET).verify(new InboundRequest(good.headers(), tampered, NOW)))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void aMissingSignatureIsRefused() {
    InboundRequest good = signed(created(), SECRET, NOW);
    Map<String, String> headers = new HashMap<>(good.headers());
    signatureHeaders().forEach(h -> headers.remove(h.toLowerCase(Locale.ROOT)));
    assertThatThrownBy(() -> connector(SECRET).verify(new InboundRequest(headers, good.body(), NOW)))
        .isInstanceOf(SignatureException.class).hasMessageContaining("missing");
  }

  @Test
  void withoutItsSecretTheSourceRefusesEverything() {
    Connector open = connector(null);
    assertThatThrownBy(() -> open.verify(signed(created(), "whatever-the-sender-used", NOW)))
        .isInstanceOf(SignatureException.class)
        .hasMessageContaining("VIGIL_" + open.source().toUpperCase(Locale.ROOT) + "_WEBHOOK_SECRET");
  }

  @Test
  void aStaleSignatureIsRefused() {
    assumeTrue(timestamped(), "this scheme signs no timestamp: replays are made harmless by event ids");
    assertThatThrownBy(() -> connector(SECRET).verify(signed(created(), SECRET, NOW.minusSeconds(301))))
        .isInstanceOf(SignatureException.class).hasMessageContaining("away from now");
    assertThatThrownBy(() -> connector(SECRET).verify(signed(created(), SECRET, NOW.plusSeconds(301))))
        .isInstanceOf(SignatureException.class);
    connector(SECRET).verify(signed(created(), SECRET, NOW.minusSeconds(299)));
  }

  // --- mapping ---

  protected ConnectorMapping map(Delivery delivery) {
    InboundRequest request = signed(delivery, SECRET, NOW);
    Connector connector = connector(SECRET);
    connector.verify(request);
    return connector.map(request, ticketId -> delivery.known());
  }

  private TicketEvent single(Delivery delivery, TicketEventType type) {
    ConnectorMapping mapping = map(delivery);
    assertThat(mapping.ticketId()).isEqualTo(expectedTicketId());
    assertThat(mapping.events()).extracting(TicketEvent::type).contains(type);
    TicketEvent event = mapping.events().stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    assertThat(event.ticketId()).isEqualTo(expectedTicketId());
    assertThat(event.eventId()).isNotBlank();
    return event;
  }

  @Test
  void creationMapsToTicketCreated_withSubjectAndTenant() {
    TicketEvent event = single(created(), TicketEventType.CREATED);
    assertThat(event.ticket().subject()).isNotBlank();
    assertThat(event.ticket().customer()).isNotNull();
    assertThat(event.ticket().customer().tenant()).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  }

  @Test
  void aPublicCustomerCommentIsACustomerMessage() {
    TicketEvent event = single(customerComment(), TicketEventType.MESSAGE_POSTED);
    assertThat(event.message().role()).isEqualTo(Role.CUSTOMER);
    assertThat(event.message().id()).isNotBlank();
    assertThat(event.message().text()).isNotBlank();
  }

  @Test
  void aPublicStaffCommentIsAnAnalystMessage() {
    TicketEvent event = single(staffPublicComment(), TicketEventType.MESSAGE_POSTED);
    assertThat(event.message().role()).isEqualTo(Role.ANALYST);
    assertThat(event.message().text()).isNotBlank();
  }

  @Test
  void anInternalStaffCommentNeverEntersTheCustomerDialogue() {
    Delivery internal = staffInternalComment();
    assumeTrue(internal != null, "this system has no internal comments");
    ConnectorMapping mapping = map(internal);
    assertThat(mapping.events()).noneMatch(e -> e.type() == TicketEventType.MESSAGE_POSTED);
  }

  @Test
  void anAssignmentNamesTheAnalyst() {
    TicketEvent event = single(assignment(), TicketEventType.ASSIGNED);
    assertThat(event.analyst().id()).isEqualTo(expectedAssignee());
  }

  @Test
  void aPriorityChangeMapsToVigilsScale() {
    TicketEvent event = single(priorityChange(), TicketEventType.PRIORITY_CHANGED);
    assertThat(event.ticket().priority()).isEqualTo(expectedPriority());
  }

  @Test
  void statusChangesMapToResolvedClosedAndReopened() {
    Delivery resolved = resolved();
    if (resolved != null) {
      single(resolved, TicketEventType.RESOLVED);
    }
    single(closed(), TicketEventType.CLOSED);
    single(reopened(), TicketEventType.REOPENED);
  }

  @Test
  void theSameDeliveryAlwaysMeansTheSameEventIds_andDifferentDeliveriesDifferentOnes() {
    for (Delivery delivery : List.of(created(), customerComment(), assignment(), closed())) {
      assertThat(map(delivery).events()).extracting(TicketEvent::eventId)
          .isEqualTo(map(delivery).events().stream().map(TicketEvent::eventId).toList());
    }
    List<String> ids = new java.util.ArrayList<>();
    for (Delivery delivery : List.of(created(), customerComment(), staffPublicComment(), assignment(),
        priorityChange(), closed(), reopened())) {
      map(delivery).events().forEach(e -> ids.add(e.eventId()));
    }
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void aBodyThatIsNotThisSystemsPayloadIsA400NotA500() {
    Delivery broken = new Delivery(created().headers(), "{\"unrelated\":true}");
    assertThatThrownBy(() -> map(broken)).isInstanceOf(dev.vigil.starter.webhook.InvalidEventException.class);
  }
}
