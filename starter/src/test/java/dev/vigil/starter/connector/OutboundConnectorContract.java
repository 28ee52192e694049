package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ConnectorOutbound;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.StateWrites;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.activities.connector.WriteBack;
import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.TicketEvent;
import dev.vigil.workflows.ticket.TicketEventType;
import dev.vigil.workflows.ticket.TicketFacts;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every outbound connector must do against its vendor's API (a recording fake over real HTTP): a customer
 * message is one public reply, a support message an internal note (or, without internal notes, the generic
 * webhook); the returned comment id is remembered for echo suppression; 429 waits the vendor's Retry-After, 5xx and
 * network errors are retried under the same idempotency key, other 4xx are final. Changes made in Vigil (resolve,
 * close, assign, priority) are written to the ticket with the vendor's own request, what its webhook will report
 * back is expected as their echo, an analyst without a vendor user is not sent (with the reason), and the same
 * failure rules hold.
 */
public abstract class OutboundConnectorContract {
  /** The Vigil analyst every connector's write-back maps to {@link #vendorUser()}. */
  protected static final String ANALYST = "alice";

  protected FakeVendorApi fake;
  protected SentComments sent;
  protected StateWrites writes;
  private final List<OutboundMessage> generic = new ArrayList<>();
  private ConnectorOutbound outbound;

  protected abstract String system();

  protected abstract TicketApi api(String fakeUrl, VendorHttp http, WriteBack writeBack);

  /** The API with the contract's write-back: {@link #ANALYST} is {@link #vendorUser()}. */
  protected TicketApi api(String fakeUrl, VendorHttp http) {
    return api(fakeUrl, http, new WriteBack(Map.of(ANALYST, vendorUser()), Map.of(), null, null));
  }

  /** The system's user (id, account id or login) {@link #ANALYST} maps to. */
  protected abstract String vendorUser();

  /** The request that writes {@code kind} (assigned to {@link #vendorUser()}, priority P1) to a fresh ticket. */
  protected abstract VendorRequest expectedChange(OutboundKind kind);

  /** A request the vendor should receive: method, path and JSON body. */
  public record VendorRequest(String method, String path, String body) {}

  protected abstract String ticketId();

  /** Whether the request the fake received was a public reply (false: an internal note). */
  protected abstract boolean isPublic(JsonNode requestBody);

  /** The text the vendor received (without any marker). */
  protected abstract String text(JsonNode requestBody);

  /** Asserts the request carried the system's credentials. */
  protected abstract void assertAuthorized(Map<String, String> headers);

  @BeforeEach
  void start() {
    fake = new FakeVendorApi();
    sent = new SentComments(null);
    writes = new StateWrites(null);
    OutboundActivities genericWebhook = message -> {
      generic.add(message);
      return new OutboundResult(SendStatus.DELIVERED, 202, "generic");
    };
    outbound = new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), genericWebhook, sent,
        writes, () -> "ticket:" + system() + ":" + ticketId());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  protected OutboundMessage message(String audience, String text) {
    OutboundKind kind = audience.equals("customer") ? OutboundKind.ANALYST_REPLY : OutboundKind.ALERT;
    return new OutboundMessage("ticket:" + system() + ":" + ticketId() + "/" + UUID.randomUUID(), ticketId(), kind,
        Audience.fromWire(audience), text, "S1", Instant.now());
  }

  @Test
  void aCustomerMessageIsOnePublicReply_whoseIdIsRememberedAsVigilsOwn() {
    OutboundMessage reply = message("customer", "Open Profile > Security and enable two-factor.");
    OutboundResult result = outbound.send(reply);

    assertThat(result.status()).isEqualTo(SendStatus.DELIVERED);
    List<FakeVendorApi.Recorded> created = fake.created(system(), ticketId());
    assertThat(created).hasSize(1);
    assertThat(isPublic(created.get(0).body())).isTrue();
    assertThat(text(created.get(0).body())).startsWith("Open Profile > Security and enable two-factor.");
    assertThat(created.get(0).headers().get("idempotency-key")).isEqualTo(reply.idempotencyKey());
    assertAuthorized(created.get(0).headers());
    assertThat(sent.isOwn(system(), ticketId(), created.get(0).createdId(), null)).isTrue();
    assertThat(sent.isOwn(system(), ticketId(), null, "open profile > security and enable   two-factor.")).isTrue();
    assertThat(generic).isEmpty();
  }

  @Test
  void aSupportMessageIsAnInternalNote_orGoesToTheGenericWebhookWhereThereAreNone() {
    OutboundMessage alert = message("support", "P1 several customers affected");
    outbound.send(alert);
    if (api(fake.url(), new VendorHttp()).supportsInternalNotes()) {
      List<FakeVendorApi.Recorded> created = fake.created(system(), ticketId());
      assertThat(created).hasSize(1);
      assertThat(isPublic(created.get(0).body())).isFalse();
      assertThat(generic).isEmpty();
    } else {
      assertThat(fake.requests()).isEmpty();
      assertThat(generic).containsExactly(alert);
    }
  }

  @Test
  void a429WaitsTheVendorsRetryAfter_thenTheRetryPostsOnceUnderTheSameKey() {
    fake.failNext(429, Map.of("Retry-After", "7"));
    OutboundMessage reply = message("customer", "Restart the spooler.");
    assertThatThrownBy(() -> outbound.send(reply)).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.isNonRetryable()).isFalse();
      assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    });
    outbound.send(reply);
    assertThat(fake.requests()).hasSize(2)
        .extracting(r -> r.headers().get("idempotency-key")).containsOnly(reply.idempotencyKey());
    assertThat(fake.created(system(), ticketId())).hasSize(1);
  }

  @Test
  void a5xxIsRetryable_underTheSameKey_andARetryAfterSuccessPostsNothing() {
    fake.failNext(503, Map.of());
    OutboundMessage reply = message("customer", "Raise the IKE lifetime.");
    assertThatThrownBy(() -> outbound.send(reply)).isNotInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("503");
    outbound.send(reply);
    OutboundResult again = outbound.send(reply);
    assertThat(again.detail()).contains("posted by an earlier attempt");
    assertThat(fake.created(system(), ticketId())).hasSize(1);
    assertThat(fake.requests()).extracting(r -> r.headers().get("idempotency-key"))
        .containsOnly(reply.idempotencyKey());
  }

  @Test
  void aNetworkErrorIsRetryable() {
    fake.close();
    assertThatThrownBy(() -> outbound.send(message("customer", "Hello"))).isNotInstanceOf(ApplicationFailure.class);
  }

  @Test
  void anOther4xxIsFinal_aNonRetryableRejection() {
    fake.failNext(422, Map.of());
    assertThatThrownBy(() -> outbound.send(message("customer", "Hello")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(OutboundFailures.REJECTED);
          assertThat(f.getOriginalMessage()).contains("422");
        });
  }

  @Test
  void aTicketOfAnotherSourceUsesTheGenericWebhook() {
    ConnectorOutbound other = new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), message -> {
      generic.add(message);
      return new OutboundResult(SendStatus.DELIVERED, 202, "generic");
    }, sent, writes, () -> "ticket:desk:T-1");
    other.send(message("customer", "Hi"));
    assertThat(fake.requests()).isEmpty();
    assertThat(generic).hasSize(1);
  }

  // ---- changes made in Vigil, written to the ticket ----

  protected OutboundMessage change(OutboundKind kind, String value) {
    return new OutboundMessage("ticket:" + system() + ":" + ticketId() + "/action-" + UUID.randomUUID(), ticketId(),
        kind, kind.audience(), value, "E1", Instant.now());
  }

  private static String valueOf(OutboundKind kind) {
    return switch (kind) {
      case RESOLVED, CLOSED -> "";
      case ASSIGNED -> ANALYST;
      default -> "P1";
    };
  }

  /** The event the system's webhook delivers when it reports {@code kind} with {@code value}. */
  protected TicketEvent reported(TicketEventType type, String value) {
    return new TicketEvent("hook-" + UUID.randomUUID(), type, Instant.now(),
        new TicketFacts(ticketId(), null, null, type == TicketEventType.PRIORITY_CHANGED ? Priority.valueOf(value)
            : null, null, null),
        null, type == TicketEventType.ASSIGNED ? new Analyst(value, null) : null, null, null);
  }

  @ParameterizedTest
  @EnumSource(value = OutboundKind.class, names = {"RESOLVED", "CLOSED", "ASSIGNED", "PRIORITY_CHANGED"})
  void eachChangeIsWrittenWithTheVendorsOwnRequest(OutboundKind kind) throws Exception {
    OutboundResult result = outbound.send(change(kind, valueOf(kind)));

    assertThat(result.status()).as(result.detail()).isEqualTo(SendStatus.DELIVERED);
    List<FakeVendorApi.Recorded> changes = fake.changes(system(), ticketId());
    assertThat(changes).as("ticket updates").hasSize(1);
    VendorRequest expected = expectedChange(kind);
    FakeVendorApi.Recorded request = changes.get(0);
    assertThat(request.method()).isEqualTo(expected.method());
    assertThat(request.path()).isEqualTo(expected.path());
    assertThat(request.body()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(expected.body()));
    assertAuthorized(request.headers());
    assertThat(fake.created(system(), ticketId())).as("no comment").isEmpty();
    assertThat(generic).isEmpty();
  }

  @Test
  void theSystemsReportOfVigilsOwnChangeIsItsEcho_anotherValueIsAPersonsChange() {
    outbound.send(change(OutboundKind.ASSIGNED, ANALYST));
    outbound.send(change(OutboundKind.RESOLVED, ""));

    assertThat(writes.isEcho(system(), reported(TicketEventType.ASSIGNED, vendorUser()))).isTrue();
    assertThat(writes.isEcho(system(), reported(TicketEventType.ASSIGNED, vendorUser())))
        .as("reported again (systems that send their state with every delivery)").isTrue();
    assertThat(writes.isEcho(system(), reported(TicketEventType.ASSIGNED, "someone-else"))).isFalse();
    assertThat(writes.isEcho(system(), reported(TicketEventType.ASSIGNED, vendorUser())))
        .as("after a person changed it, it is theirs").isFalse();
    assertThat(writes.isEcho(system(), reported(TicketEventType.REOPENED, null))).isFalse();
  }

  @Test
  void anAnalystWithoutAVendorUserIsNotSent_withTheSettingToAdd() {
    OutboundResult result = outbound.send(change(OutboundKind.ASSIGNED, "bob"));

    assertThat(result.status()).isEqualTo(SendStatus.NOT_SENT);
    assertThat(result.detail()).contains("bob").contains("vigil.connectors." + system()
        + ".write-back.assignees");
    assertThat(fake.changes(system(), ticketId())).isEmpty();
    assertThat(generic).isEmpty();
  }

  @Test
  void aResolutionNoteGoesWithTheResolution_asAnInternalNoteWhereThereAreAny_once() {
    OutboundMessage resolved = change(OutboundKind.RESOLVED, "Replaced the faulty spooler package.");
    outbound.send(resolved);
    OutboundResult again = outbound.send(resolved);

    assertThat(again.status()).isEqualTo(SendStatus.DELIVERED);
    if (api(fake.url(), new VendorHttp()).supportsInternalNotes()) {
      List<FakeVendorApi.Recorded> notes = fake.created(system(), ticketId());
      assertThat(notes).hasSize(1);
      assertThat(isPublic(notes.get(0).body())).isFalse();
      assertThat(text(notes.get(0).body())).startsWith("Replaced the faulty spooler package.");
      assertThat(again.detail()).contains("posted by an earlier attempt");
    } else {
      assertThat(fake.created(system(), ticketId())).isEmpty();
      assertThat(again.detail()).contains("stays in Vigil");
    }
  }

  @Test
  void aChangeRefusedWith4xxIsFinal_withTheVendorsReason_andExpectsNoEcho() {
    fake.failNext(403, Map.of());
    assertThatThrownBy(() -> outbound.send(change(OutboundKind.PRIORITY_CHANGED, "P1")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(OutboundFailures.REJECTED);
          assertThat(f.getOriginalMessage()).contains("403").contains(ticketId());
        });
    assertThat(fake.changes(system(), ticketId())).isEmpty();
    assertThat(writes.isEcho(system(), reported(TicketEventType.PRIORITY_CHANGED, "P1"))).isFalse();
  }

  @Test
  void aChangeAnswered5xxIsRetried_andRepeatingItLeavesTheTicketAsOneWriteWould() {
    fake.failNext(502, Map.of());
    OutboundMessage close = change(OutboundKind.CLOSED, "");
    assertThatThrownBy(() -> outbound.send(close)).isNotInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("502");
    assertThat(outbound.send(close).status()).isEqualTo(SendStatus.DELIVERED);
    assertThat(outbound.send(close).status()).as("a retry after a lost answer").isEqualTo(SendStatus.DELIVERED);

    // the same update again (idempotent), or none: Jira reads the status first and leaves a closed issue alone
    List<FakeVendorApi.Recorded> changes = fake.changes(system(), ticketId());
    assertThat(changes).isNotEmpty().hasSizeLessThanOrEqualTo(2).allSatisfy(c -> {
      assertThat(c.path()).isEqualTo(changes.get(0).path());
      assertThat(c.body()).isEqualTo(changes.get(0).body());
    });
  }

  @Test
  void aChangeRateLimitedWaitsTheVendorsRetryAfter() {
    fake.failNext(429, Map.of("Retry-After", "4"));
    assertThatThrownBy(() -> outbound.send(change(OutboundKind.ASSIGNED, ANALYST)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(4));
        });
  }

  @Test
  void aChangeToATicketOfAnotherSourceGoesToTheGenericWebhook() {
    ConnectorOutbound other = new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), message -> {
      generic.add(message);
      return new OutboundResult(SendStatus.DELIVERED, 202, "generic");
    }, sent, writes, () -> "ticket:desk:T-1");
    other.send(change(OutboundKind.RESOLVED, "done"));
    assertThat(fake.requests()).isEmpty();
    assertThat(generic).hasSize(1);
  }
}
