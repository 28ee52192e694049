package dev.vigil.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.workflows.notify.Audience;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.notify.OutboundMessage;
import dev.vigil.workflows.notify.OutboundResult;
import dev.vigil.workflows.notify.SendStatus;
import io.temporal.failure.ApplicationFailure;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound webhook against a real HTTP receiver on loopback. */
class HttpOutboundActivitiesTest {
  private static final OutboundMessage MESSAGE = new OutboundMessage("ticket:desk:T-1/vigil-S1", "T-1",
      OutboundKind.ANSWER, Audience.CUSTOMER, "Raise the quota under Settings > Limits.", "S1", Instant.parse("2026-11-27T10:00:00Z"));

  private HttpServer receiver;
  private final List<String[]> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(202);
  private final WebhookSignature signature = new WebhookSignature("out-secret", Duration.ofMinutes(5),
      Clock.systemUTC());

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String header = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      signature.verify(header, body); // throws (and the exchange fails) on a bad signature
      received.add(new String[] {exchange.getRequestHeaders().getFirst("Idempotency-Key"), new String(body)});
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  private HttpOutboundActivities outbound() {
    return new HttpOutboundActivities("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", signature);
  }

  @Test
  void deliversASignedMessageWithItsIdempotencyKey() {
    OutboundResult result = outbound().send(MESSAGE);
    assertThat(result.status()).isEqualTo(SendStatus.DELIVERED);
    assertThat(result.httpStatus()).isEqualTo(202);
    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r[0]).isEqualTo("ticket:desk:T-1/vigil-S1");
      assertThat(r[1]).contains("\"kind\":\"answer\"", "\"ticketId\":\"T-1\"", "2026-11-27T10:00:00Z");
    });
  }

  @Test
  void serverErrorsAreRetryable_clientErrorsAreFinal() {
    status.set(503);
    assertThatThrownBy(() -> outbound().send(MESSAGE)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("503");
    status.set(400);
    assertThatThrownBy(() -> outbound().send(MESSAGE)).isInstanceOf(ApplicationFailure.class)
        .satisfies(e -> assertThat(((ApplicationFailure) e).isNonRetryable()).isTrue());
  }

  @Test
  void withoutAnUrlNothingIsSent_andTheResultSaysSo() {
    OutboundResult result = new HttpOutboundActivities("", signature).send(MESSAGE);
    assertThat(result.status()).isEqualTo(SendStatus.NOT_CONFIGURED);
    assertThat(received).isEmpty();
  }
}
