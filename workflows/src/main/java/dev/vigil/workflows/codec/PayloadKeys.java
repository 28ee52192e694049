package dev.vigil.workflows.codec;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt Vigil's Temporal payloads: the first encrypts, every one decrypts, so a key is rotated by
 * putting a new one first and keeping the old ones until no retained history needs them.
 *
 * <p>Written as {@code id:base64key} items separated by commas or new lines (newest first; {@code #} starts a
 * comment); each key is 32 random bytes (AES-256), its id 1–32 letters, digits, dots, dashes or underscores.
 */
public final class PayloadKeys {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private PayloadKeys(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = keys;
  }

  /**
   * Reads a key list; {@code source} names where it came from, for the error message.
   *
   * @throws IllegalArgumentException naming the first malformed item (never the key material)
   */
  public static PayloadKeys parse(String text, String source) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String first = null;
    int position = 0;
    List<String> items = new ArrayList<>();
    for (String line : text.split("\\R")) {
      int comment = line.indexOf('#');
      for (String raw : (comment >= 0 ? line.substring(0, comment) : line).split(",")) {
        if (!raw.isBlank()) {
          items.add(raw.strip());
        }
      }
    }
    for (String item : items) {
      position++;
      int colon = item.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(source + ": key " + position + " is not written as id:base64key");
      }
      String id = item.substring(0, colon).strip();
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(source + ": key " + position + " has an id that is not 1-32 letters, "
            + "digits, dots, dashes or underscores");
      }
      byte[] material;
      try {
        material = Base64.getDecoder().decode(item.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": key '" + id + "' is not valid base64");
      }
      if (material.length != KEY_BYTES) {
        throw new IllegalArgumentException(source + ": key '" + id + "' has " + material.length
            + " bytes; AES-256 needs " + KEY_BYTES);
      }
      if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
        throw new IllegalArgumentException(source + ": key id '" + id + "' appears twice");
      }
      if (first == null) {
        first = id;
      }
    }
    if (first == null) {
      throw new IllegalArgumentException(source + " holds no key");
    }
    return new PayloadKeys(first, keys);
  }

  /** A new random key with the given id, written as a key list of one (for a key file or the environment). */
  public static String generate(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("key id must be 1-32 letters, digits, dots, dashes or underscores");
    }
    byte[] material = new byte[KEY_BYTES];
    RANDOM.nextBytes(material);
    return id + ":" + Base64.getEncoder().encodeToString(material);
  }

  /** The id of the key that encrypts. */
  public String currentId() {
    return currentId;
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  Optional<SecretKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  /** Every key id, newest first. */
  public List<String> ids() {
    return new ArrayList<>(keys.keySet());
  }
}
