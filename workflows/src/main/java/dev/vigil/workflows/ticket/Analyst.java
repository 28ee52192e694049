package dev.vigil.workflows.ticket;

/** A support analyst, as the ticketing system or Vigil's users identify them. */
public record Analyst(String id, String name) {}
