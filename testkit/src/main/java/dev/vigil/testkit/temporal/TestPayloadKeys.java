package dev.vigil.testkit.temporal;

import dev.vigil.workflows.testing.TestKeys;
import io.temporal.client.WorkflowClientOptions;

/**
 * The test payload-encryption key for Spring contexts and separate processes: the same key as the workflow test
 * kit's ({@link TestKeys}), as a property and environment value.
 */
public final class TestPayloadKeys {
  /** The key list, as {@code VIGIL_PAYLOAD_KEYS} takes it. */
  public static final String TEXT = TestKeys.TEXT;
  /** The property that hands them to a Spring context. */
  public static final String PROPERTY = "vigil.temporal.payload-keys=" + TEXT;

  private TestPayloadKeys() {}

  public static WorkflowClientOptions clientOptions() {
    return TestKeys.clientOptions();
  }
}
