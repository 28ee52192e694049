package dev.vigil.starter.status;

import dev.vigil.starter.config.UiProperties;
import dev.vigil.starter.config.WebhookProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the per-ticket tokens of the customer status page: HMAC-SHA256 of the ticket under the status
 * key, URL-safe base64 without padding. A token opens exactly one ticket; comparison is constant-time. A ticket of
 * the default source is signed by its id alone (the links handed out before tickets had sources keep working); a
 * ticket of another system by {@code <source>/<id>}, which no ticket id can spell (ids hold no {@code /}), so a token
 * never opens the same id in another system.
 */
@Component
public class StatusTokens {
  private static final String ALGORITHM = "HmacSHA256";
  private static final String DERIVATION_LABEL = "vigil status page v1";

  private final byte[] key;

  @Autowired
  public StatusTokens(UiProperties ui, WebhookProperties webhook) {
    this(ui.statusSecret() == null || ui.statusSecret().isBlank()
        ? hmac(webhook.secret().getBytes(StandardCharsets.UTF_8), DERIVATION_LABEL)
        : ui.statusSecret().getBytes(StandardCharsets.UTF_8));
  }

  StatusTokens(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("the status page key must be at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** The token that opens the status page of this ticket of the default source. */
  public String tokenFor(String ticketId) {
    return tokenFor(null, ticketId);
  }

  /** The token that opens this ticket's status page; {@code source} null for the default source. */
  public String tokenFor(String source, String ticketId) {
    String signed = source == null ? ticketId : source + "/" + ticketId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, signed));
  }

  /** True only for the own token of this ticket of the default source. */
  public boolean opens(String ticketId, String token) {
    return opens(null, ticketId, token);
  }

  /** True only for this ticket's own token; {@code source} null for the default source. */
  public boolean opens(String source, String ticketId, String token) {
    if (ticketId == null || token == null || token.length() > 100) {
      return false;
    }
    return MessageDigest.isEqual(tokenFor(source, ticketId).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(byte[] key, String value) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
