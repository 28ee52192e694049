package dev.vigil.starter.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.activities.connector.ConnectorOutbound;
import dev.vigil.activities.connector.SentComments;
import dev.vigil.activities.connector.TicketApi;
import dev.vigil.activities.connector.VendorHttp;
import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundActivities;
import dev.vigil.workflows.notify.OutboundFailures;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
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

/**
 * What every outbound connector must do against its vendor's API (a recording fake over real HTTP): a customer
 * message is one public reply, a support message an internal note (or, without internal notes, the generic
 * webhook); the returned comment id is remembered for echo suppression; 429 waits the vendor's Retry-After, 5xx and
 * network errors are retried under the same idempotency key, other 4xx are final.
 */
public abstract class OutboundConnectorContract {
  protected FakeVendorApi fake;
  protected SentComments sent;
  private final List<OutboundMessage> generic = new ArrayList<>();
  private ConnectorOutbound outbound;

  protected abstract String system();

  protected abstract TicketApi api(String fakeUrl, VendorHttp http);

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
    OutboundActivities genericWebhook = message -> {
      generic.add(message);
      return new OutboundResult(SendStatus.DELIVERED, 202, "generic");
    };
    outbound = new ConnectorOutbound(List.of(api(fake.url(), new VendorHttp())), genericWebhook, sent,
        () -> "ticket:" + system() + ":" + ticketId());
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
    }, sent, () -> "ticket:desk:T-1");
    other.send(message("customer", "Hi"));
    assertThat(fake.requests()).isEmpty();
    assertThat(generic).hasSize(1);
  }
}
