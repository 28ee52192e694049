package dev.vigil.workflows.testing;

import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.codec.PayloadKeys;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;

/**
 * The payload-encryption key every test environment, client and worker uses: tests encrypt like production, so a
 * client or worker that forgot the codec fails to read what the others wrote. Fixed (tests only, never a
 * deployment's) so that annotations can name it and recorded histories replay.
 */
public final class TestKeys {
  /** The key list, as {@code VIGIL_PAYLOAD_KEYS} / {@code vigil.temporal.payload-keys} take it. */
  public static final String TEXT = "test:gm5l27t4CtP32/cW6xYNYjoM0plAf7Z6XowsvLBB62c=";

  private TestKeys() {}

  public static PayloadKeys keys() {
    return PayloadKeys.parse(TEXT, "test keys");
  }

  public static DataConverter dataConverter() {
    return EncryptionCodec.dataConverter(keys());
  }

  /** Client options for the default namespace with the test keys. */
  public static WorkflowClientOptions clientOptions() {
    return WorkflowClientOptions.newBuilder().setDataConverter(dataConverter()).build();
  }
}
