package dev.vigil.testkit.temporal;

import dev.vigil.workflows.codec.EncryptionCodec;
import dev.vigil.workflows.codec.PayloadKeys;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;

/**
 * Payload-encryption keys for tests: every test client, worker and environment encrypts like production, so a test
 * that forgot the codec would fail to read what the application wrote. A fixed key (tests only, never a deployment's)
 * so that annotations can name it and recorded histories replay.
 */
public final class TestPayloadKeys {
  /** The key list, as {@code VIGIL_PAYLOAD_KEYS} / {@code vigil.temporal.payload-keys} take it. */
  public static final String TEXT = "test:gm5l27t4CtP32/cW6xYNYjoM0plAf7Z6XowsvLBB62c=";
  /** The property that hands them to a Spring context. */
  public static final String PROPERTY = "vigil.temporal.payload-keys=" + TEXT;

  private TestPayloadKeys() {}

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
