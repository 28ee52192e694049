package dev.vigil.workflows.ticket;

/**
 * The size budget of one ticket's workflow state, whatever the ticketing system sends.
 *
 * <p>Temporal fails a payload over 2 MB (and warns at 512 KB), and a query answer travels over gRPC (4 MB). The
 * ticket's state is the continue-as-new input and its view the query answer, so every list in it has a bound in
 * items and in serialised bytes (counted by {@link Texts#cost}, UTF-8 JSON), every free text a cap in characters,
 * and each list drops its oldest items first — never the newest — counting what it dropped where the view shows it
 * ({@code messagesDropped}, {@code suggestionsDropped}, {@code decisionsDropped}, {@code timelineDropped},
 * {@code alertsDropped}). Worst case, every budget full of three-byte characters: about 470 KiB of state, so the
 * continue-as-new input stays under 512 KiB and the view (the state without its bookkeeping) well under 1 MiB.
 *
 * <table>
 *   <caption>Per ticket</caption>
 *   <tr><th>part</th><th>items</th><th>bytes</th><th>per text</th></tr>
 *   <tr><td>dialogue (customer, analyst and Vigil's own messages)</td><td>{@code maxMessages}</td>
 *       <td>128 KiB</td><td>16,000 chars</td></tr>
 *   <tr><td>suggestions</td><td>20</td><td>48 KiB</td><td>4,000 chars, 10 citations</td></tr>
 *   <tr><td>decision log</td><td>{@code maxDecisions}, at most 300</td><td>48 KiB</td>
 *       <td>action 200, reason 500 chars</td></tr>
 *   <tr><td>timeline</td><td>200</td><td>24 KiB</td><td>200 chars</td></tr>
 *   <tr><td>alerts</td><td>50 (silence memory: 100 rules)</td><td>16 KiB</td><td>500 chars</td></tr>
 *   <tr><td>assistant queue</td><td>20 turns</td><td>32 KiB</td><td>(dialogue caps)</td></tr>
 *   <tr><td>sends in flight</td><td>20</td><td>48 KiB</td><td>(whole message)</td></tr>
 *   <tr><td>event de-duplication</td><td>{@code maxRememberedEventIds}</td><td>about 40 KiB</td>
 *       <td>16-character fingerprints</td></tr>
 *   <tr><td>source-order log</td><td>250</td><td>32 KiB</td><td>no description</td></tr>
 *   <tr><td>description, resolution note</td><td>1 each</td><td></td><td>8,000 chars each</td></tr>
 *   <tr><td>subject</td><td>1</td><td></td><td>500 chars</td></tr>
 *   <tr><td>learning runs</td><td>20</td><td></td><td></td></tr>
 * </table>
 */
public final class TicketBudget {
  public static final int MESSAGE_CHARS = 16_000;
  public static final int DIALOGUE_BYTES = 128 * 1024;

  public static final int SUGGESTIONS = 20;
  public static final int SUGGESTION_CHARS = 4_000;
  public static final int SUGGESTION_CITATIONS = 10;
  public static final int SUGGESTIONS_BYTES = 48 * 1024;

  public static final int DECISIONS = 300;
  public static final int DECISION_ACTION_CHARS = 200;
  public static final int DECISION_REASON_CHARS = 500;
  public static final int DECISIONS_BYTES = 48 * 1024;

  public static final int TIMELINE = 200;
  public static final int TIMELINE_DETAIL_CHARS = 200;
  public static final int TIMELINE_BYTES = 24 * 1024;

  public static final int ALERTS = 50;
  public static final int ALERT_RULES = 100;
  public static final int ALERT_TEXT_CHARS = 500;
  public static final int ALERTS_BYTES = 16 * 1024;

  public static final int ASSISTANT_QUEUE = 20;
  public static final int ASSISTANT_QUEUE_BYTES = 32 * 1024;

  /** Sends in flight carried across continue-as-new; the oldest is given up past this. */
  public static final int PENDING_SENDS = 20;
  public static final int PENDING_SENDS_BYTES = 48 * 1024;

  public static final int SOURCE_ORDER_ENTRIES = 250;
  public static final int SOURCE_ORDER_BYTES = 32 * 1024;

  public static final int SUBJECT_CHARS = 500;
  public static final int DESCRIPTION_CHARS = 8_000;
  public static final int NOTE_CHARS = 8_000;

  public static final int LEARNING_RUNS = 20;
  /** Texts Vigil posted whose echo the ticket recognises (64-character digests). */
  public static final int SENT_TEXTS = 100;
  /** Turns an answer's review reads: those since the answer was offered, the newest kept. */
  public static final int REVIEW_MESSAGES = 50;

  private TicketBudget() {}
}
