package dev.vigil.starter.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

class TemporalErrorsTest {

  @Test
  void anAnswerTooLargeForGrpcIsNotAnOutage() {
    RuntimeException tooLarge = new RuntimeException("query failed", Status.RESOURCE_EXHAUSTED
        .withDescription("gRPC message exceeds maximum size 4194304: 5000000").asRuntimeException());
    assertThat(TemporalErrors.isUnavailable(tooLarge)).isFalse();
    assertThat(TemporalErrors.isTooLarge(tooLarge)).isTrue();
  }

  @Test
  void throttlingAndUnreachableServersAreOutages() {
    assertThat(TemporalErrors.isUnavailable(Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded")
        .asRuntimeException())).isTrue();
    assertThat(TemporalErrors.isUnavailable(Status.UNAVAILABLE.asRuntimeException())).isTrue();
  }
}
