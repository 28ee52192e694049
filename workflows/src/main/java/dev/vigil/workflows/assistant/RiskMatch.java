package dev.vigil.workflows.assistant;

import dev.vigil.workflows.ticket.Priority;
import java.time.Duration;

/**
 * A risk rule that matched the customer's turns.
 *
 * @param evidence what matched: the pattern's text, or the example phrase and its cosine
 * @param silence how long the same rule stays quiet on this ticket after it alerted
 * @param raisePriorityTo the ticket priority to raise to, or null
 */
public record RiskMatch(String ruleId, AlertLevel level, String description, String evidence, Duration silence,
    Priority raisePriorityTo) {}
