package dev.vigil.workflows.ticket;

/** Ticket priority as the ticketing system sets it; P1 is the most urgent. */
public enum Priority {
  P1,
  P2,
  P3,
  P4;

  public static final Priority DEFAULT = P3;
}
