package dev.vigil.workflows.learning;

import java.time.Instant;

/** The result of one learning run: which closed ticket it learned from and where its record was kept. */
public record LearningOutcome(String ticketId, int closeNumber, String recordLocation, Instant recordedAt) {}
