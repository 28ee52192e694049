package dev.vigil.workflows.ticket;

/** A message as an event carries it; the workflow stamps it into the dialogue as a {@link Message}. */
public record IncomingMessage(String id, Role role, String author, String text) {}
