package dev.vigil.workflows.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every payload Vigil gives Temporal (workflow inputs, signals, updates, query results, activity arguments
 * and results, memo, continue-as-new state) with AES-256-GCM, so ticket contents are unreadable in Temporal's
 * database and to anyone who can reach its API without the keys. Operators read them in the Web UI through Vigil's
 * codec server. Search attributes are not payloads Temporal lets a codec touch: they must carry no personal data.
 *
 * <p>An encrypted payload's data is {@code iv (12 bytes) || ciphertext+tag} of the whole original payload
 * (metadata included); its metadata names the encoding and the key id, which is also authenticated as associated
 * data. Payloads that are not encrypted pass through {@link #decode} unchanged, so histories written before
 * encryption was switched on still read.
 */
public final class EncryptionCodec implements PayloadCodec {
  /** The metadata encoding of an encrypted payload. */
  public static final String ENCODING = "binary/encrypted";
  /** The metadata key naming the key that encrypted the payload. */
  public static final String KEY_ID = "encryption-key-id";
  static final String METADATA_ENCODING = "encoding";
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PayloadKeys keys;

  public EncryptionCodec(PayloadKeys keys) {
    this.keys = keys;
  }

  /** Temporal's default JSON/protobuf conversion with every payload encrypted by {@code keys}. */
  public static DataConverter dataConverter(PayloadKeys keys) {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(new EncryptionCodec(keys)));
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  private Payload encrypt(Payload payload) {
    String keyId = keys.currentId();
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.current(), iv, keyId, payload.toByteArray());
    return Payload.newBuilder()
        .putMetadata(METADATA_ENCODING, ByteString.copyFromUtf8(ENCODING))
        .putMetadata(KEY_ID, ByteString.copyFromUtf8(keyId))
        .setData(ByteString.copyFrom(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    ByteString encoding = payload.getMetadataMap().get(METADATA_ENCODING);
    if (encoding == null || !ENCODING.equals(encoding.toStringUtf8())) {
      return payload;
    }
    ByteString id = payload.getMetadataMap().get(KEY_ID);
    if (id == null) {
      throw new PayloadCodecException("an encrypted payload names no key");
    }
    String keyId = id.toStringUtf8();
    SecretKey key = keys.find(keyId).orElseThrow(() -> new PayloadCodecException("payload encrypted with key '"
        + keyId + "', which is not among the configured keys " + keys.ids()
        + " (VIGIL_PAYLOAD_KEYS): keep retired keys after the new one until no history needs them", null));
    byte[] data = payload.getData().toByteArray();
    if (data.length <= IV_BYTES) {
      throw new PayloadCodecException("an encrypted payload is too short");
    }
    byte[] iv = Arrays.copyOf(data, IV_BYTES);
    byte[] plain = cipher(Cipher.DECRYPT_MODE, key, iv, keyId,
        Arrays.copyOfRange(data, IV_BYTES, data.length));
    try {
      return Payload.parseFrom(plain);
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException(e);
    }
  }

  private static byte[] cipher(int mode, SecretKey key, byte[] iv, String keyId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(mode == Cipher.DECRYPT_MODE
          ? "a payload does not decrypt with key '" + keyId + "' (wrong key, or altered)" : "encryption failed", e);
    }
  }
}
