package dev.vigil.activities.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme, shared by inbound verification and outbound signing:
 * {@code X-Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}.
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Vigil-Signature";

  private final byte[] secret;
  private final Duration tolerance;
  private final Clock clock;

  public WebhookSignature(String secret, Duration tolerance, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** The header value for {@code body} signed now. */
  public String sign(byte[] body) {
    long t = clock.instant().getEpochSecond();
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
  }

  /** Accepts the request or throws {@link SignatureException} saying why not. */
  public void verify(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      throw new SignatureException("missing " + HEADER + " header");
    }
    Long timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        throw new SignatureException("malformed " + HEADER + " header");
      }
      switch (kv[0]) {
        case "t" -> timestamp = parseTimestamp(kv[1]);
        case "v1" -> signatures.add(kv[1]);
        default -> {
          // unknown schemes are ignored, so senders can add newer ones alongside v1
        }
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new SignatureException(HEADER + " needs t=<unix seconds> and v1=<hex signature>");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
    if (skew > tolerance.toSeconds()) {
      throw new SignatureException("signature timestamp is " + skew + " s away from now (limit "
          + tolerance.toSeconds() + " s)");
    }
    byte[] expected = mac(timestamp, body);
    for (String candidate : signatures) {
      byte[] given;
      try {
        given = HexFormat.of().parseHex(candidate);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (MessageDigest.isEqual(expected, given)) {
        return;
      }
    }
    throw new SignatureException("signature does not match the body");
  }

  private static long parseTimestamp(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new SignatureException("signature timestamp is not a number of seconds");
    }
  }

  private byte[] mac(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
