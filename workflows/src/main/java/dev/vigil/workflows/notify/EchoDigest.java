package dev.vigil.workflows.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The digest of a text Vigil posted, as the ticketing system may render it back in the webhook that echoes it:
 * markup and Vigil's hidden marker stripped, entities decoded, whitespace collapsed, case folded. Systems turn line
 * breaks into HTML or Markdown, so comparing raw text would miss echoes. Deterministic (workflow code uses it).
 */
public final class EchoDigest {
  private EchoDigest() {}

  public static String of(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKC)
        .replaceAll("<!--.*?-->", " ")
        .replaceAll("<[^>]{0,200}>", " ")
        .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#39;", "'")
        .replaceAll("\\s+", " ")
        .strip()
        .toLowerCase(Locale.ROOT);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
