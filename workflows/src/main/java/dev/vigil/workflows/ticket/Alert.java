package dev.vigil.workflows.ticket;

import dev.vigil.workflows.assistant.AlertLevel;
import java.time.Instant;

/** An alert a risk rule raised on the ticket, for the support team. */
public record Alert(String ruleId, AlertLevel level, String description, String evidence, Instant at) {}
