package dev.vigil.worker.runtime;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Temporal worker hosted by this process ({@code vigil.worker.*}).
 *
 * @param enabled false in a starter-only process, which then only talks to workflows
 * @param maxConcurrentActivities activity slots of the tickets queue (outbound sends: I/O that waits, not CPU)
 * @param maxConcurrentWorkflowTasks workflow task slots of this worker
 * @param heavySlots activity slots of the heavy queue (learning, an LLM assistant) and local-activity slots of the
 *     in-process assistant: CPU-bound work capped near the cores, so workflow tasks and timers keep their CPU; 0 = as
 *     many as the machine has cores
 * @param workflows whether this worker runs workflows too; false makes an activities-only worker, to add capacity for
 *     the I/O-bound steps (assistant, learning, outbound) without moving workflows between processes
 */
@Validated
@ConfigurationProperties("vigil.worker")
public record WorkerProperties(
    boolean enabled, @Min(1) int maxConcurrentActivities, @Min(1) int maxConcurrentWorkflowTasks,
    boolean workflows, @Min(0) int heavySlots) {

  /** The heavy slots to use: the setting, or one per core. */
  public int heavySlotsOrCores() {
    return heavySlots > 0 ? heavySlots : Runtime.getRuntime().availableProcessors();
  }
}
