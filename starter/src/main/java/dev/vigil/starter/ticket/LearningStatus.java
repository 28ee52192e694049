package dev.vigil.starter.ticket;

import java.time.Instant;

/** The child learning workflow of a closed ticket, with its live status from Temporal. */
public record LearningStatus(String workflowId, String runId, Instant startedAt, String status) {}
