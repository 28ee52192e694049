package dev.vigil.client.temporal;

import dev.vigil.client.OwnerOnly;
import dev.vigil.workflows.codec.PayloadKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the payload-encryption keys come from: {@code VIGIL_PAYLOAD_KEYS}, else the file {@code
 * VIGIL_PAYLOAD_KEY_FILE}, else — in the embedded mode only — {@code <data-dir>/payload-keys}, generated once
 * (owner-only) like the embedded mode's other secrets. Against a cluster without keys, start-up stops: every process
 * that talks to the same namespace must share them.
 */
public final class PayloadKeySource {
  /** The embedded mode's generated key file, under the data directory. */
  public static final String EMBEDDED_FILE = "payload-keys";

  private static final Logger log = LoggerFactory.getLogger(PayloadKeySource.class);

  private PayloadKeySource() {}

  public static PayloadKeys resolve(String keys, Path keyFile, boolean embedded, Path dataDir) {
    if (keys != null && !keys.isBlank()) {
      return PayloadKeys.parse(keys, "VIGIL_PAYLOAD_KEYS");
    }
    if (keyFile != null && !keyFile.toString().isBlank()) {
      return read(keyFile, "VIGIL_PAYLOAD_KEY_FILE " + keyFile);
    }
    if (!embedded) {
      throw new IllegalStateException("Temporal payloads are encrypted and no key is set: set VIGIL_PAYLOAD_KEYS "
          + "(e.g. k1:$(openssl rand -base64 32)) or VIGIL_PAYLOAD_KEY_FILE, the same in every Vigil process of "
          + "this namespace");
    }
    Path file = dataDir.resolve(EMBEDDED_FILE);
    OwnerOnly.directory(dataDir);
    if (!Files.exists(file)) {
      generate(file);
    }
    OwnerOnly.file(file);
    return read(file, file.toString());
  }

  private static PayloadKeys read(Path file, String source) {
    try {
      return PayloadKeys.parse(Files.readString(file, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the payload keys from " + source + ": " + e.getMessage(), e);
    }
  }

  private static void generate(Path file) {
    try {
      String content = "# Vigil's Temporal payload-encryption keys (embedded mode), newest first: id:base64key\n"
          + PayloadKeys.generate("k" + System.currentTimeMillis() / 1000) + "\n";
      Files.createFile(file);
      OwnerOnly.file(file);
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      log.info("generated a payload-encryption key for the embedded mode in {}", file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the payload keys to " + file, e);
    }
  }
}
