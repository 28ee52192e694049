package dev.vigil.starter.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.starter.config.UiProperties;
import dev.vigil.starter.config.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusTokensTest {
  private static final UiProperties DERIVED = new UiProperties(Duration.ofMillis(500), Duration.ofSeconds(2), "",
      "", 500);

  private static StatusTokens derivedFrom(String webhookSecret) {
    return new StatusTokens(DERIVED, new WebhookProperties(webhookSecret, Duration.ofMinutes(5), 1 << 20));
  }

  @Test
  void aTokenOpensItsOwnTicketOnly() {
    StatusTokens tokens = derivedFrom("webhook-secret-of-test");
    String token = tokens.tokenFor("T-1");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(tokens.opens("T-1", token)).isTrue();
    assertThat(tokens.opens("T-2", token)).isFalse();
    assertThat(tokens.opens("T-1", tokens.tokenFor("T-2"))).isFalse();
    assertThat(tokens.opens("T-1", token.substring(1))).isFalse();
    assertThat(tokens.opens("T-1", null)).isFalse();
    assertThat(tokens.opens("T-1", "x".repeat(5_000))).isFalse();
    assertThat(tokens.opens(null, token)).isFalse();
  }

  @Test
  void rotatingTheSecretInvalidatesEveryLink_andTheDerivedKeyIsNotTheWebhookSecret() {
    String token = derivedFrom("webhook-secret-of-test").tokenFor("T-1");
    assertThat(derivedFrom("another-webhook-secret").opens("T-1", token)).isFalse();
    StatusTokens raw = new StatusTokens("webhook-secret-of-test".getBytes(StandardCharsets.UTF_8));
    assertThat(raw.tokenFor("T-1")).as("someone holding only an outbound signature key cannot mint links")
        .isNotEqualTo(token);
    StatusTokens own = new StatusTokens(new UiProperties(Duration.ofMillis(500), Duration.ofSeconds(2),
        "a-status-secret-of-its-own", "", 500), new WebhookProperties("webhook-secret-of-test",
        Duration.ofMinutes(5), 1 << 20));
    assertThat(own.opens("T-1", token)).isFalse();
    assertThat(own.opens("T-1", own.tokenFor("T-1"))).isTrue();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new StatusTokens("short".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("at least 16 bytes");
  }

  @Test
  void aTokenOpensItsTicketInItsOwnSystemOnly() {
    StatusTokens tokens = derivedFrom("webhook-secret-of-test");
    String zendesk = tokens.tokenFor("zendesk", "35436");

    assertThat(tokens.opens("zendesk", "35436", zendesk)).isTrue();
    assertThat(tokens.opens("jira", "35436", zendesk)).as("the same id in another system").isFalse();
    assertThat(tokens.opens("35436", zendesk)).as("the same id of the default source").isFalse();
    assertThat(tokens.opens("zendesk", "35436", tokens.tokenFor("35436"))).isFalse();
    assertThat(tokens.tokenFor(null, "T-1")).as("default-source links keep their token")
        .isEqualTo(tokens.tokenFor("T-1"));
  }
}
