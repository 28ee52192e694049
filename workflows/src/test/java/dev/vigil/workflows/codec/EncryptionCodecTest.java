package dev.vigil.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionCodecTest {
  private static final String OLD = PayloadKeys.generate("k1");
  private static final String NEW = PayloadKeys.generate("k2");

  private static Payload json(String text) {
    return DefaultDataConverter.newDefaultInstance().toPayload(Map.of("message", text)).orElseThrow();
  }

  @Test
  void encryptedPayloadsHideTheirContent_nameTheirKey_andDecodeToTheOriginal() {
    EncryptionCodec codec = new EncryptionCodec(PayloadKeys.parse(NEW + "," + OLD, "test"));
    Payload plain = json("Ada Lovelace <ada@example.com>: our password is hunter2");

    Payload sealed = codec.encode(List.of(plain)).get(0);

    assertThat(sealed.getData().toString(StandardCharsets.UTF_8)).doesNotContain("Ada", "hunter2", "example.com");
    assertThat(sealed.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo(EncryptionCodec.ENCODING);
    assertThat(sealed.getMetadataMap().get(EncryptionCodec.KEY_ID).toStringUtf8()).isEqualTo("k2");
    assertThat(sealed.getMetadataMap()).doesNotContainKey("json").hasSize(2);
    assertThat(codec.decode(List.of(sealed))).containsExactly(plain);
    // a fresh IV each time: the same message never encrypts to the same bytes
    assertThat(codec.encode(List.of(plain)).get(0).getData()).isNotEqualTo(sealed.getData());
  }

  @Test
  void rotation_theNewestKeyEncrypts_andOldPayloadsStillDecrypt() {
    Payload plain = json("written before the rotation");
    Payload underOldKey = new EncryptionCodec(PayloadKeys.parse(OLD, "test")).encode(List.of(plain)).get(0);

    EncryptionCodec rotated = new EncryptionCodec(PayloadKeys.parse(NEW + "\n" + OLD, "test"));

    assertThat(rotated.decode(List.of(underOldKey))).containsExactly(plain);
    assertThat(rotated.encode(List.of(plain)).get(0).getMetadataMap().get(EncryptionCodec.KEY_ID).toStringUtf8())
        .isEqualTo("k2");
  }

  @Test
  void aRetiredKeyThatWasDropped_oraTamperedPayload_failsLoudly() {
    Payload underOldKey = new EncryptionCodec(PayloadKeys.parse(OLD, "test")).encode(List.of(json("x"))).get(0);
    EncryptionCodec withoutOld = new EncryptionCodec(PayloadKeys.parse(NEW, "test"));
    assertThatThrownBy(() -> withoutOld.decode(List.of(underOldKey)))
        .isInstanceOf(PayloadCodecException.class).hasMessageContaining("'k1'").hasMessageContaining("[k2]");

    byte[] bytes = underOldKey.getData().toByteArray();
    bytes[bytes.length - 1] ^= 1;
    Payload tampered = underOldKey.toBuilder().setData(ByteString.copyFrom(bytes)).build();
    assertThatThrownBy(() -> new EncryptionCodec(PayloadKeys.parse(OLD, "test")).decode(List.of(tampered)))
        .isInstanceOf(PayloadCodecException.class).hasMessageContaining("altered");

    // the key id is authenticated: relabelling a payload with another key's id does not decrypt
    String sameMaterialOtherId = "k9" + OLD.substring(2);
    Payload relabelled = underOldKey.toBuilder()
        .putMetadata(EncryptionCodec.KEY_ID, ByteString.copyFromUtf8("k9")).build();
    assertThatThrownBy(() -> new EncryptionCodec(PayloadKeys.parse(sameMaterialOtherId, "test"))
        .decode(List.of(relabelled))).isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void payloadsWrittenBeforeEncryption_passThrough() {
    Payload plain = json("history from before encryption");
    assertThat(new EncryptionCodec(PayloadKeys.parse(NEW, "test")).decode(List.of(plain))).containsExactly(plain);
  }

  @Test
  void theDataConverterRoundTripsValues() {
    DataConverter converter = EncryptionCodec.dataConverter(PayloadKeys.parse(NEW, "test"));
    Payload sealed = converter.toPayload("ticket T-1: printer on fire").orElseThrow();
    assertThat(sealed.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo(EncryptionCodec.ENCODING);
    assertThat(converter.fromPayload(sealed, String.class, String.class)).isEqualTo("ticket T-1: printer on fire");
  }

  @Test
  void aKeyFileMayCarryComments_withCommasInThem() {
    PayloadKeys keys = PayloadKeys.parse("# keys, newest first: id:base64key\n" + NEW + " # current, since May\n"
        + OLD + "\n", "file");
    assertThat(keys.ids()).containsExactly("k2", "k1");
    assertThat(keys.currentId()).isEqualTo("k2");
  }

  @Test
  void malformedKeyLists_areRefused_withoutEchoingKeyMaterial() {
    assertThatThrownBy(() -> PayloadKeys.parse("", "VIGIL_PAYLOAD_KEYS")).hasMessageContaining("holds no key");
    assertThatThrownBy(() -> PayloadKeys.parse("justbase64", "VIGIL_PAYLOAD_KEYS"))
        .hasMessageContaining("id:base64key").hasMessageNotContaining("justbase64");
    assertThatThrownBy(() -> PayloadKeys.parse("k1:c2hvcnQ=", "VIGIL_PAYLOAD_KEYS"))
        .hasMessageContaining("5 bytes; AES-256 needs 32");
    assertThatThrownBy(() -> PayloadKeys.parse(OLD + "," + OLD, "VIGIL_PAYLOAD_KEYS"))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> PayloadKeys.parse("bad id:" + OLD.substring(3), "VIGIL_PAYLOAD_KEYS"))
        .hasMessageContaining("id that is not");
  }
}
