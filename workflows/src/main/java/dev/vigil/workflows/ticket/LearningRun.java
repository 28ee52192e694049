package dev.vigil.workflows.ticket;

import java.time.Instant;

/** The child learning workflow a ticket started when it closed. */
public record LearningRun(String workflowId, String runId, Instant startedAt) {}
