package dev.vigil.starter.webhook;

import dev.vigil.activities.notify.SignatureException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The static credential {@code Authorization: Bearer <VIGIL_WEBHOOK_TOKEN>}, for senders that can only add fixed
 * headers (Zendesk triggers, Jira automation, Freshdesk). Weaker than a signature: it proves who sent the request but
 * not that the body is unchanged, and a captured request can be replayed (event ids still make a replay a no-op).
 */
final class StaticToken {
  static final String PREFIX = "Bearer ";

  private final byte[] token;

  /** {@code token} null or blank: no static credential is accepted. */
  StaticToken(String token) {
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  static boolean isBearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Accepts the header or throws {@link SignatureException}; the comparison takes the same time for any guess. */
  void verify(String authorization) {
    if (token == null) {
      throw new SignatureException("a bearer token was sent but VIGIL_WEBHOOK_TOKEN is not set; sign the request "
          + "with X-Vigil-Signature");
    }
    byte[] given = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(token, given)) {
      throw new SignatureException("bearer token does not match VIGIL_WEBHOOK_TOKEN");
    }
  }
}
