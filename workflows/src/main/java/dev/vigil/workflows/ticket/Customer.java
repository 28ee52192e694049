package dev.vigil.workflows.ticket;

/** The customer who opened a ticket; {@code tenant} scopes everything Vigil may show them. */
public record Customer(String id, String tenant, String name, String email) {}
