package dev.vigil.workflows.ticket;

import java.time.Instant;

/** One entry of a ticket's decision log: what Vigil did, or deliberately did not do, and why. */
public record Decision(Instant at, String action, String reason) {}
