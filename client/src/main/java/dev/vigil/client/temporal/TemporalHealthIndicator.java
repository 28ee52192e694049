package dev.vigil.client.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} is UP only while Temporal answers. */
@Component("temporal")
public class TemporalHealthIndicator extends AbstractHealthIndicator {
  private final WorkflowServiceStubs stubs;
  private final TemporalProperties properties;

  public TemporalHealthIndicator(WorkflowServiceStubs stubs, TemporalProperties properties) {
    super("Temporal is unreachable");
    this.stubs = stubs;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var info = stubs.blockingStub()
        .withDeadlineAfter(2, TimeUnit.SECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    builder.up()
        .withDetail("target", stubs.getOptions().getTarget())
        .withDetail("namespace", properties.namespace())
        .withDetail("embedded", properties.embedded())
        .withDetail("serverVersion", info.getServerVersion());
  }
}
