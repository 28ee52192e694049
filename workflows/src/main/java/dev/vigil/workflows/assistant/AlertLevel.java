package dev.vigil.workflows.assistant;

/** How urgent a risk rule's alert is; the name ({@code P0}…) is its value in settings, JSON and the UI. */
public enum AlertLevel {
  /** Page now. */
  P0,
  /** Act soon. */
  P1,
  /** Note for the team. */
  P2
}
