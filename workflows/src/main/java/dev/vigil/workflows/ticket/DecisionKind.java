package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What kind of decision a {@link Decision} records, so readers (the UI, the evaluation harness, the benchmarks) need
 * not parse its {@code action} text; the lower-case name is its JSON value.
 */
public enum DecisionKind {
  /** The ticket was triaged. */
  TRIAGED,
  /** An event was not applied (wrong ticket, not allowed in its status, bad feedback). */
  EVENT_IGNORED,
  /** A message from the source was Vigil's own post coming back (its echo): not applied again. */
  ECHO_IGNORED,
  /** A late event from the source was applied in source order. */
  APPLIED_LATE,
  ASSISTANT_PAUSED,
  ASSISTANT_RESUMED,
  /** An analyst adopted, edited, dismissed or rated a suggestion. */
  ANALYST_FEEDBACK,
  /** The assistant stayed silent on a customer turn. */
  SILENT,
  /** The assistant identified what the customer turn is. */
  IDENTIFIED,
  /** The assistant rewrote the turns into a query. */
  REWRITTEN,
  /** The assistant offered a suggestion. */
  SUGGESTED,
  /** Vigil answered the customer directly. */
  ANSWERED,
  /** A pending direct answer was cancelled. */
  ANSWER_CANCELLED,
  /** A risk rule alerted. */
  ALERT,
  /** A risk rule matched within its silence window. */
  ALERT_SILENCED,
  /** A risk rule raised the ticket's priority. */
  PRIORITY_RAISED,
  /** The risk rules could not run. */
  RISK_RULES_UNAVAILABLE,
  /** A progress update went to the customer. */
  PROGRESS_UPDATE,
  /** The analysts were reminded of an unanswered customer turn. */
  REMINDER,
  /** An unanswered customer turn was escalated to on-call. */
  ESCALATION,
  /** One of Vigil's answers was reviewed while the ticket was open (see {@code AnswerReviews}). */
  ANSWER_REVIEWED,
  /** The review of an answer could not run. */
  ANSWER_REVIEW_FAILED,
  /** The learning workflow started on close. */
  LEARNING_STARTED,
  /** The learning workflow could not be started. */
  LEARNING_NOT_STARTED,
  /** A send reached the ticketing system. */
  OUTBOUND_DELIVERED,
  /** A send was not made (nothing configured to receive it). */
  OUTBOUND_NOT_SENT,
  /** A send was refused or not delivered within its time. */
  OUTBOUND_FAILED,
  /** A send was given up because newer ones pushed it out of the outbox's bound. */
  OUTBOUND_ABANDONED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static DecisionKind fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
