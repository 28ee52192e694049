package dev.vigil.starter.connector;

import dev.vigil.activities.notify.SignatureException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures as the ticketing systems send them; every comparison is constant-time. */
public final class Hmac {
  private Hmac() {}

  public static byte[] sha256(String secret, byte[]... parts) {
    return mac("HmacSHA256", secret, parts);
  }

  public static byte[] sha1(String secret, byte[]... parts) {
    return mac("HmacSHA1", secret, parts);
  }

  /**
   * Checks a {@code <prefix><hex>} header (GitHub's {@code sha256=…}, Jira's and Zammad's {@code X-Hub-Signature}).
   */
  public static void verifyPrefixedHex(String header, String headerName, String prefix, byte[] expected) {
    if (header == null || header.isBlank()) {
      throw new SignatureException("missing " + headerName + " header");
    }
    String value = header.trim();
    if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
      throw new SignatureException(headerName + " must be " + prefix + "<hex digest>");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SignatureException(headerName + " is not hexadecimal");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new SignatureException("signature does not match the body");
    }
  }

  /** Checks a base64 signature header (Zendesk). */
  public static void verifyBase64(String header, String headerName, byte[] expected) {
    if (header == null || header.isBlank()) {
      throw new SignatureException("missing " + headerName + " header");
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.trim());
    } catch (IllegalArgumentException e) {
      throw new SignatureException(headerName + " is not base64");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new SignatureException("signature does not match the body");
    }
  }

  private static byte[] mac(String algorithm, String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }
}
