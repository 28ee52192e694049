package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.assistant.RiskMatch;
import dev.vigil.workflows.notify.OutboundKind;
import dev.vigil.workflows.progress.ProgressReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one mutable state of a ticket workflow: the ticket's facts, status and life times, over its components — the
 * {@link Dialogue}, the {@link Suggestions}, the {@link DecisionLog} with the timeline, the {@link Alerts}, the
 * {@link FollowUps} (progress updates, reminders, escalation), the {@link AssistantQueue}, the {@link EventMemory}
 * (de-duplication and source order) and the {@link Outbox} — each with its own bound. It applies events (pure, no
 * Temporal calls, so it is tested on its own) and is carried whole across continue-as-new; Jackson serialises its
 * fields. The ticket's settings are given once, when it opens: each component keeps what it needs of them.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public final class TicketState {

  /**
   * What applying one event did, so the workflow knows which side effects (child workflows, upserts, the
   * assistant, outbound messages) follow. {@code added} is the message the event added to the dialogue, if any.
   */
  public record Applied(boolean duplicate, Transition transition, Message added, boolean open) {

    /** Whether the event changed the ticket (neither a repeat nor rejected). */
    public boolean changed() {
      return !duplicate && transition != null && !transition.rejected();
    }

    /** A new customer message on an open ticket: the assistant's input. */
    public Message customerTurn() {
      return added != null && added.role() == Role.CUSTOMER && open ? added : null;
    }

    public boolean closedNow() {
      return transition != null && transition.changesStatus() && transition.to() == TicketStatus.CLOSED;
    }
  }

  private String workflowId;
  private TicketFacts facts;
  private TicketStatus status = TicketStatus.NEW;
  private Analyst assignee;
  private boolean assistantPaused;
  private String resolutionNote;
  private Instant resolutionNoteAt;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant resolvedAt;
  private Instant closedAt;
  private int closeCount;
  private long eventsApplied;
  private long duplicateEventsIgnored;
  private long eventsRejected;
  private int continuedAsNew;
  private ArrayList<LearningRun> learningRuns = new ArrayList<>();
  private Dialogue dialogue;
  private Suggestions suggestions;
  private DecisionLog log;
  private Alerts alerts = new Alerts();
  private FollowUps followUps;
  private AssistantQueue assistantQueue;
  private EventMemory events;
  private Outbox outbox = new Outbox();
  private SentTexts sent = new SentTexts();

  /** For Jackson. */
  TicketState() {}

  /** A new ticket, its components bounded by {@code settings}. */
  public static TicketState open(String workflowId, String ticketId, Instant now, TicketSettings settings) {
    TicketState state = new TicketState();
    state.workflowId = Objects.requireNonNull(workflowId);
    state.facts = TicketFacts.onlyId(Objects.requireNonNull(ticketId));
    state.createdAt = now;
    state.updatedAt = now;
    state.dialogue = new Dialogue(settings.maxMessages());
    state.suggestions = new Suggestions(settings.answerReviewAfter());
    state.log = new DecisionLog(settings.maxDecisions());
    state.followUps = new FollowUps(FollowUps.Policy.of(settings));
    state.assistantQueue = new AssistantQueue(settings.assistantBatchWindow());
    state.events = new EventMemory(settings.maxRememberedEventIds(), state.status, state.facts, null);
    return state;
  }

  /** Whether {@code event} would be rejected in the current state; null when it applies (or is a duplicate). */
  public String rejectionOf(TicketEvent event) {
    return events.seen(event) ? null : transitionFor(event, event.ticket().mergeInto(facts)).rejection();
  }

  /**
   * Why an analyst's action cannot be taken under its event id (the caller's idempotency key): the id was already
   * used for a different action. Null when the id is new, or a retry of the same action (which applies once).
   */
  public String conflictOf(TicketEvent event) {
    return events.conflictOf(event);
  }

  /** Applies one event at workflow time {@code now}, in arrival order. */
  public Applied apply(TicketEvent event, Instant now) {
    return apply(event, now, false);
  }

  /**
   * Applies one event at workflow time {@code now}. Repeated event ids and rejected transitions change nothing else.
   * {@code fromSource}: the event comes from the ticketing system and carries its source time, so when it arrives
   * late it is applied in source order; Vigil's own actions (analysts acting through Vigil) count from arrival.
   */
  public Applied apply(TicketEvent event, Instant now, boolean fromSource) {
    if (events.seen(event)) {
      duplicateEventsIgnored++;
      return new Applied(true, null, null, false);
    }
    events.remember(event);
    updatedAt = now;
    if (fromSource && isEcho(event)) {
      duplicateEventsIgnored++;
      decide(now, DecisionKind.ECHO_IGNORED, "echo ignored", "message " + event.message().id()
          + " is Vigil's own post coming back from the ticketing system");
      return new Applied(true, null, null, status.isOpen());
    }
    if (fromSource && events.arrivedLate(event)) {
      return applyLate(event, now);
    }
    TicketFacts merged = event.ticket().mergeInto(facts);
    Transition transition = transitionFor(event, merged);
    Instant sourceTime = EventMemory.ordersBySource(event) && identityProblem(event) == null
        ? events.logInOrder(event) : null;
    if (transition.rejected()) {
      eventsRejected++;
      decide(now, DecisionKind.EVENT_IGNORED, "ignored " + event.type().wireName(), transition.rejection());
      return new Applied(false, transition, null, status.isOpen());
    }
    applyFacts(event, merged, now);
    Message added = applyPayload(event, now, sourceTime);
    if (transition.changesStatus()) {
      enter(transition, event, now);
    }
    eventsApplied++;
    return new Applied(false, transition, added, status.isOpen());
  }

  /**
   * An event from the source that happened before events already applied: its place in source order decides. The
   * ticket's status, facts and assignee become what in-order delivery would have made them; its message takes its
   * place in the dialogue; its resolution note counts only if no later resolution wrote one.
   */
  private Applied applyLate(TicketEvent event, Instant now) {
    TicketStatus before = status;
    SourceOrder.Derived derived = events.insertLate(event);
    if (derived.rejection() != null) {
      eventsRejected++;
      decide(now, DecisionKind.EVENT_IGNORED, "ignored " + event.type().wireName(), derived.rejection()
          + " (it happened at " + event.occurredAt() + ", before events already applied)");
    } else {
      decide(now, DecisionKind.APPLIED_LATE, "applied late", event.type().wireName() + " from "
          + event.occurredAt() + " arrived after later events; applied in source order");
    }
    if (derived.facts() != null) {
      // the source-order log leaves descriptions out: the description follows arrival order
      String description = facts.description() != null ? facts.description() : event.ticket().description();
      TicketFacts d = derived.facts();
      applyFacts(event, new TicketFacts(d.id(), d.subject(), description, d.priority(), d.product(), d.customer()),
          now);
    }
    if (!Objects.equals(assignee, derived.assignee())) {
      assignee = derived.assignee();
      log.note(new TimelineEntry(now, TimelineKind.ASSIGNED, describe(assignee), event.eventId()));
    }
    Message added = null;
    if (derived.rejection() == null) {
      eventsApplied++;
      if (event.type() == TicketEventType.MESSAGE_POSTED) {
        added = receive(event, now, true);
      } else if (event.type() == TicketEventType.RESOLVED) {
        noteResolution(event, event.occurredAt());
      }
    }
    Transition transition = derived.status() == before ? Transition.stay(before)
        : Transition.move(before, derived.status());
    if (transition.changesStatus()) {
      enter(transition, event, now);
    }
    return new Applied(false, transition, added, status.isOpen());
  }

  private void noteResolution(TicketEvent event, Instant at) {
    if (event.resolutionNote() == null || event.resolutionNote().isBlank()) {
      return;
    }
    if (at == null || resolutionNoteAt == null || !at.isBefore(resolutionNoteAt)) {
      resolutionNote = Texts.cap(event.resolutionNote(), TicketBudget.NOTE_CHARS);
      resolutionNoteAt = at;
    }
  }

  /** Why the event cannot apply to this ticket whatever its status (wrong ticket, bad feedback), or null. */
  private String identityProblem(TicketEvent event) {
    if (!facts.id().equals(event.ticketId())) {
      return "event for ticket " + event.ticketId() + " sent to ticket " + facts.id();
    }
    return switch (event.type()) {
      case SUGGESTION_ADOPTED, SUGGESTION_EDITED, SUGGESTION_DISMISSED, SUGGESTION_RATED ->
          suggestions.problemWith(event.type(), event.feedback());
      default -> null;
    };
  }

  private Transition transitionFor(TicketEvent event, TicketFacts merged) {
    String identityProblem = identityProblem(event);
    if (identityProblem != null) {
      return Transition.reject(status, identityProblem);
    }
    boolean assignedAfter = assignee != null
        || (event.type() == TicketEventType.ASSIGNED && event.analyst() != null);
    return TicketLifecycle.next(status, event, merged.subject() != null, assignedAfter);
  }

  private void applyFacts(TicketEvent event, TicketFacts merged, Instant now) {
    Priority before = facts.priority();
    facts = new TicketFacts(merged.id(), Texts.cap(merged.subject(), TicketBudget.SUBJECT_CHARS),
        Texts.cap(merged.description(), TicketBudget.DESCRIPTION_CHARS), merged.priority(), merged.product(),
        merged.customer());
    if (before != null && merged.priority() != null && before != merged.priority()) {
      log.note(new TimelineEntry(now, TimelineKind.PRIORITY, before + " → " + merged.priority(), event.eventId()));
    }
  }

  /** A staff comment from the source whose text Vigil itself posted on this ticket. */
  private boolean isEcho(TicketEvent event) {
    return event.type() == TicketEventType.MESSAGE_POSTED && event.message() != null
        && event.message().role() != Role.CUSTOMER && sent.contains(event.message().text());
  }

  /** Vigil posts {@code text} to the ticketing system: its echo will be recognised. */
  public void rememberSent(String text) {
    sent.remember(text);
  }

  /** Applies the event's own payload; returns the message it added to the dialogue, if any. */
  private Message applyPayload(TicketEvent event, Instant now, Instant sourceTime) {
    switch (event.type()) {
      case MESSAGE_POSTED -> {
        return receive(event, now, false);
      }
      case ASSIGNED -> {
        assignee = event.analyst();
        log.note(new TimelineEntry(now, TimelineKind.ASSIGNED, describe(assignee), event.eventId()));
      }
      case RESOLVED -> noteResolution(event, sourceTime);
      case SUGGESTION_ADOPTED, SUGGESTION_EDITED -> {
        return postSuggestion(event, now);
      }
      case SUGGESTION_DISMISSED -> {
        Suggestion s = suggestions.decide(event.feedback().suggestionId(), SuggestionState.DISMISSED,
            actorOf(event), now);
        decide(now, DecisionKind.ANALYST_FEEDBACK, s.id() + " dismissed by " + actorOf(event),
            event.feedback().reason() == null ? "no reason given" : event.feedback().reason());
      }
      case SUGGESTION_RATED -> {
        Suggestion s = suggestions.rate(event.feedback().suggestionId(), event.feedback().rating());
        decide(now, DecisionKind.ANALYST_FEEDBACK, s.id() + " " + s.rating().wireName() + "d by " + actorOf(event),
            "analyst feedback");
      }
      case ASSISTANT_PAUSED -> {
        if (!assistantPaused) {
          assistantPaused = true;
          decide(now, DecisionKind.ASSISTANT_PAUSED, "assistant paused", "paused by " + actorOf(event));
        }
      }
      case ASSISTANT_RESUMED -> {
        if (assistantPaused) {
          assistantPaused = false;
          decide(now, DecisionKind.ASSISTANT_RESUMED, "assistant resumed", "resumed by " + actorOf(event));
        }
      }
      default -> {
        // status-only events: the transition carries their effect
      }
    }
    return null;
  }

  /** A message that arrived; a message id already in the dialogue counts as a repeat. */
  private Message receive(TicketEvent event, Instant now, boolean inSourcePlace) {
    IncomingMessage in = event.message();
    Message added = dialogue.receive(new Message(in.id(), in.role(), in.author(), in.text(), event.occurredAt(),
        event.eventId(), now), inSourcePlace);
    if (added == null) {
      duplicateEventsIgnored++;
    }
    return added;
  }

  /** Adopting or editing a suggestion posts it to the customer as the analyst's message. */
  private Message postSuggestion(TicketEvent event, Instant now) {
    boolean edited = event.type() == TicketEventType.SUGGESTION_EDITED;
    Suggestion suggestion = suggestions.decide(event.feedback().suggestionId(),
        edited ? SuggestionState.EDITED : SuggestionState.ADOPTED, actorOf(event), now);
    Message message = dialogue.append(new Message(Message.SUGGESTION_PREFIX + suggestion.id(), Role.ANALYST,
        actorOf(event), edited ? event.feedback().text() : suggestion.text(), event.occurredAt(), event.eventId(),
        now));
    decide(now, DecisionKind.ANALYST_FEEDBACK, suggestion.id() + (edited ? " edited" : " adopted") + " by "
        + actorOf(event), "posted to the customer as the analyst's reply");
    return message;
  }

  private void enter(Transition transition, TicketEvent event, Instant now) {
    TicketStatus to = transition.to();
    status = to;
    log.note(new TimelineEntry(now, TimelineKind.STATUS, transition.from().wireName() + " → " + to.wireName(),
        event.eventId()));
    switch (to) {
      case TRIAGED -> decide(now, DecisionKind.TRIAGED, "triaged", triageReason());
      case RESOLVED -> resolvedAt = now;
      case CLOSED -> {
        closedAt = now;
        closeCount++;
      }
      default -> {
        // no bookkeeping beyond the timeline
      }
    }
    if (event.type() == TicketEventType.REOPENED) {
      resolvedAt = null;
      closedAt = null;
    }
  }

  private String triageReason() {
    return "priority " + (facts.priority() == null ? Priority.DEFAULT + " (default)" : facts.priority())
        + ", product " + (facts.product() == null ? "unspecified" : facts.product())
        + ", tenant " + (tenant() == null ? "unknown" : tenant());
  }

  /** Queues a customer turn for the assistant; it runs once no further turn has arrived for the batch window. */
  public void queueForAssistant(Message turn, Instant now) {
    assistantQueue.add(turn, now);
  }

  /** When the queued turns are due for the assistant, or null when none are queued. */
  public Instant assistDueAt() {
    return assistantQueue.dueAt();
  }

  /** The queued turns, oldest first, removing them from the queue. */
  public List<Message> takePendingTurns() {
    return assistantQueue.take();
  }

  /** Whether an analyst wrote after {@code turn}: then the question has already been answered by a human. */
  public boolean analystRepliedAfter(Message turn) {
    return dialogue.analystRepliedAfter(turn.id());
  }

  /** Records a suggestion Vigil offered, numbered S1, S2, … on this ticket, in {@code state}. */
  public Suggestion offer(String text, List<String> citations, double confidence, SuggestionState state,
      Instant now) {
    return suggestions.offer(text, citations, confidence, state, now);
  }

  /**
   * Raises the alert of a matched risk rule unless the same rule alerted on this ticket within its silence window;
   * raises the ticket's priority when the rule says so. Returns the alert, or null when silenced.
   */
  public Alert raiseAlert(RiskMatch match, Instant now) {
    Instant quietUntil = alerts.silencedUntil(match, now);
    if (quietUntil != null) {
      decide(now, DecisionKind.ALERT_SILENCED, "alert silenced", "rule " + match.ruleId()
          + " already alerted; quiet until " + quietUntil);
      return null;
    }
    Alert alert = alerts.raise(match, now);
    decide(now, DecisionKind.ALERT, "alert " + match.level() + ": " + match.description(), "rule " + match.ruleId()
        + " matched " + match.evidence());
    Priority current = priority();
    Priority target = match.raisePriorityTo();
    if (target != null && target.compareTo(current) < 0) {
      facts = new TicketFacts(facts.id(), null, null, target, null, null).mergeInto(facts);
      log.note(new TimelineEntry(now, TimelineKind.PRIORITY, current + " → " + target + " (rule " + match.ruleId()
          + ")", null));
      decide(now, DecisionKind.PRIORITY_RAISED, "priority raised to " + target, "rule " + match.ruleId());
    }
    return alert;
  }

  /** Recomputes when the customer is owed the next progress update (null when the ticket does not wait on support). */
  public void refreshCheckIn() {
    followUps.refresh(status, priority(), tenant(), createdAt, dialogue.messages());
  }

  public Instant nextCheckInAt() {
    return followUps.nextCheckInAt();
  }

  /** The due progress update: Vigil's message to the customer, built from the timeline since the last one. */
  public Message sendProgressUpdate(Instant now) {
    Instant due = followUps.nextCheckInAt();
    String text = ProgressReport.of(view(), followUps.lastProgressAt());
    Message message = dialogue.append(new Message(followUps.progressSent(now), Role.VIGIL, "Vigil", text, now, null,
        now));
    log.note(TimelineEntry.progressUpdate(now, due == null ? now : due));
    decide(now, DecisionKind.PROGRESS_UPDATE, "progress update sent", "customer waits on support; " + priority()
        + " cadence " + followUps.cadenceOf(priority()));
    refreshCheckIn();
    return message;
  }

  /** When analysts must next be reminded of an unanswered customer turn (or escalated), or null. */
  public Instant reminderDueAt() {
    return followUps.reminderDueAt(dialogue.unansweredTurn(status));
  }

  /** Records the due reminder; returns {@link OutboundKind#REMINDER} or {@link OutboundKind#ESCALATION}. */
  public OutboundKind remind(Instant now) {
    Message turn = dialogue.unansweredTurn(status);
    OutboundKind kind = followUps.remind(turn);
    String waited = "customer turn " + turn.id() + " unanswered for " + followUps.waitedBefore(kind);
    if (kind == OutboundKind.REMINDER) {
      decide(now, DecisionKind.REMINDER, "analyst reminder", waited + "; reminded "
          + (assignee == null ? "the support team" : describe(assignee)));
    } else {
      decide(now, DecisionKind.ESCALATION, "escalated to on-call", waited);
    }
    return kind;
  }

  /** Marks a suggestion to be sent to the customer at {@code due} unless an analyst replies to {@code turn} first. */
  public void scheduleAutoAnswer(Suggestion suggestion, Message turn, Instant due) {
    suggestions.scheduleAnswer(suggestion, turn.id(), due);
  }

  /** When the pending automatic answer is due, or null when none is pending. */
  public Instant autoAnswerDueAt() {
    return suggestions.answerDueAt();
  }

  /**
   * The pending automatic answer's time has come: sends it to the customer as Vigil's message, unless an analyst
   * replied or decided on the suggestion meanwhile. Returns the message sent, or null.
   */
  public Message sendAutoAnswer(Instant now) {
    Suggestions.DueAnswer due = suggestions.takeDueAnswer();
    if (due == null) {
      return null; // an analyst adopted, edited or dismissed it in the meantime
    }
    Suggestion suggestion = due.suggestion();
    if (!status.isOpen() || dialogue.analystRepliedAfter(due.turnId())) {
      suggestions.decide(suggestion.id(), SuggestionState.CANCELLED, "vigil", now);
      decide(now, DecisionKind.ANSWER_CANCELLED, "auto-answer " + suggestion.id() + " cancelled",
          status.isOpen() ? "an analyst replied first" : "ticket is " + status.wireName());
      return null;
    }
    suggestions.decide(suggestion.id(), SuggestionState.ANSWERED, "vigil", now);
    Message message = dialogue.append(new Message(Message.SUGGESTION_PREFIX + suggestion.id(), Role.VIGIL, "Vigil",
        suggestion.text(), now, null, now));
    decide(now, DecisionKind.ANSWERED, "answered the customer with " + suggestion.id(),
        "tenant allows direct answers and no analyst replied in time");
    return message;
  }

  /** Appends to the decision log, dropping the oldest entries beyond its bound. */
  public void decide(Instant at, DecisionKind kind, String action, String reason) {
    log.decide(at, kind, action, reason);
  }

  /** Records the learning workflow started for the latest close. */
  public void learningStarted(LearningRun run) {
    learningRuns.add(run);
    Bounded.trim(learningRuns, TicketBudget.LEARNING_RUNS, Integer.MAX_VALUE, r -> 0);
    decide(run.startedAt(), DecisionKind.LEARNING_STARTED, "learning started", "ticket closed; learning workflow "
        + run.workflowId());
  }

  /** Marks the start of a new run after continue-as-new. */
  public void continuedAsNew() {
    continuedAsNew++;
  }

  /** The sends not yet settled, handed from run to run. */
  public Outbox outbox() {
    return outbox;
  }

  private Priority priority() {
    return facts.priority() == null ? Priority.DEFAULT : facts.priority();
  }

  private String tenant() {
    return facts.customer() == null ? null : facts.customer().tenant();
  }

  private static String describe(Analyst analyst) {
    if (analyst == null) {
      return "nobody";
    }
    return analyst.name() == null ? analyst.id() : analyst.name() + " (" + analyst.id() + ")";
  }

  private static String actorOf(TicketEvent event) {
    return event.actor() == null ? "the ticketing system" : event.actor();
  }

  public String workflowId() {
    return workflowId;
  }

  public TicketFacts facts() {
    return facts;
  }

  public TicketStatus status() {
    return status;
  }

  public boolean assistantPaused() {
    return assistantPaused;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public int closeCount() {
    return closeCount;
  }

  public TicketView view() {
    return new TicketView(facts.id(), workflowId, status, facts.subject(), facts.description(), priority(),
        facts.product(), facts.customer(), assignee, assistantPaused, dialogue.messages(), dialogue.dropped(),
        suggestions.items(), log.decisions(), log.decisionsDropped(), log.timeline(), resolutionNote,
        followUps.nextCheckInAt(), List.copyOf(learningRuns), alerts.alerts(), createdAt, updatedAt, resolvedAt,
        closedAt, eventsApplied, duplicateEventsIgnored, eventsRejected, continuedAsNew, suggestions.dropped(),
        log.timelineDropped(), alerts.dropped());
  }

  /**
   * What learning needs of the closed ticket: the view without the decision log, timeline and alerts (learning
   * reads the dialogue, suggestions, facts and resolution), so the child workflow's input is bounded by the dialogue
   * and suggestion budgets. Redaction happens in the learning activities, before anything is stored.
   */
  public TicketView caseForLearning() {
    TicketView v = view();
    return new TicketView(v.ticketId(), v.workflowId(), v.status(), v.subject(), v.description(), v.priority(),
        v.product(), v.customer(), v.assignee(), v.assistantPaused(), v.messages(), v.messagesDropped(),
        v.suggestions(), List.of(), v.decisionsDropped() + v.decisions().size(), List.of(), v.resolutionNote(),
        v.nextCheckInAt(), v.learningRuns(), List.of(), v.createdAt(), v.updatedAt(), v.resolvedAt(), v.closedAt(),
        v.eventsApplied(), v.duplicateEventsIgnored(), v.eventsRejected(), v.continuedAsNew(),
        v.suggestionsDropped(), v.timelineDropped() + v.timeline().size(), v.alertsDropped() + v.alerts().size());
  }

  /** When the next review of an answer is due while the ticket is open, or null. */
  public Instant answerReviewDueAt() {
    return suggestions.reviewDueAt();
  }

  /** The answers whose review is due at {@code now}, taken off the schedule. */
  public List<String> takeDueAnswerReviews(Instant now) {
    return suggestions.takeDueReviews(now);
  }

  /**
   * What reviewing answer {@code suggestionId} needs, bounded: the ticket's people (for redaction), that answer, and
   * the last {@link TicketBudget#REVIEW_MESSAGES} turns from its offer on.
   */
  public TicketView caseForAnswerReview(String suggestionId) {
    TicketView v = view();
    Suggestion answer = suggestions.find(suggestionId);
    List<Message> since = v.messages().stream()
        .filter(m -> answer != null && !(m.receivedAt() != null ? m.receivedAt() : m.at()).isBefore(answer.offeredAt()))
        .toList();
    if (since.size() > TicketBudget.REVIEW_MESSAGES) {
      since = since.subList(since.size() - TicketBudget.REVIEW_MESSAGES, since.size());
    }
    return new TicketView(v.ticketId(), v.workflowId(), v.status(), v.subject(), null, v.priority(), v.product(),
        v.customer(), v.assignee(), v.assistantPaused(), since, v.messages().size() - since.size(),
        answer == null ? List.of() : List.of(answer), List.of(), 0, List.of(), v.resolutionNote(), null, List.of(),
        List.of(), v.createdAt(), v.updatedAt(), v.resolvedAt(), v.closedAt(), v.eventsApplied(), 0, 0,
        v.continuedAsNew(), 0, 0, 0);
  }
}
