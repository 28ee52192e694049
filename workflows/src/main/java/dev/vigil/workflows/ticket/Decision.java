package dev.vigil.workflows.ticket;

import java.time.Instant;

/**
 * One entry of a ticket's decision log: what Vigil did, or deliberately did not do, and why.
 *
 * @param kind what kind of decision it is (null in states carried from before kinds existed)
 * @param action what was done, in words, as the decision log shows it
 */
public record Decision(Instant at, DecisionKind kind, String action, String reason) {}
