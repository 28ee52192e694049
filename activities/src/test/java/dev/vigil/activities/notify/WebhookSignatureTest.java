package dev.vigil.activities.notify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final byte[] BODY = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

  private static WebhookSignature at(Instant instant) {
    return new WebhookSignature("s3cret", Duration.ofSeconds(300), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void theReplayWindowIs300SecondsEachWay() {
    String signed = at(NOW).sign(BODY);
    assertThatCode(() -> at(NOW.plusSeconds(300)).verify(signed, BODY)).doesNotThrowAnyException();
    assertThatCode(() -> at(NOW.minusSeconds(300)).verify(signed, BODY)).doesNotThrowAnyException();
    assertThatThrownBy(() -> at(NOW.plusSeconds(301)).verify(signed, BODY))
        .isInstanceOf(SignatureException.class).hasMessageContaining("301 s away");
    assertThatThrownBy(() -> at(NOW.minusSeconds(301)).verify(signed, BODY))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void matchesTheDocumentedScheme_andAcceptsAnyOfSeveralV1Values() {
    // the same value as the README's shell recipe: printf '%s.%s' T BODY | openssl dgst -sha256 -hmac s3cret
    String header = at(NOW).sign(BODY);
    org.assertj.core.api.Assertions.assertThat(header).isEqualTo(
        "t=1795773600,v1=ebe53038a1a5c3168a4f6b8093e76886554283a208c23ff0e77ed959f00c4fbc");
    assertThatCode(() -> at(NOW).verify("t=" + NOW.getEpochSecond() + ",v1=00ff," + header.substring(header
        .indexOf("v1=")), BODY)).doesNotThrowAnyException();
    assertThatThrownBy(() -> at(NOW).verify(header, "{}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> at(NOW).verify("v1=abc", BODY)).hasMessageContaining("needs t=");
    assertThatThrownBy(() -> at(NOW).verify(null, BODY)).hasMessageContaining("missing");
  }
}
