package dev.vigil.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.vigil.workflows.progress.ProgressPolicy;
import dev.vigil.workflows.progress.ProgressReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The one mutable state object of a ticket workflow. It applies events (pure, no Temporal calls, so it is tested on
 * its own) and is carried whole across continue-as-new; Jackson serialises its fields.
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
  private ArrayList<Message> messages = new ArrayList<>();
  private int messagesDropped;
  private ArrayList<Suggestion> suggestions = new ArrayList<>();
  private ArrayList<Decision> decisions = new ArrayList<>();
  private int decisionsDropped;
  private int suggestionsDropped;
  private int timelineDropped;
  private int alertsDropped;
  private ArrayList<TimelineEntry> timeline = new ArrayList<>();
  private String resolutionNote;
  private Instant nextCheckInAt;
  private ArrayList<LearningRun> learningRuns = new ArrayList<>();
  /** Fingerprints of the remembered event ids, each with the fingerprint of what its event asked for. */
  private LinkedHashMap<String, String> rememberedEventIds = new LinkedHashMap<>();
  private Instant createdAt;
  private Instant updatedAt;
  private Instant resolvedAt;
  private Instant closedAt;
  private int closeCount;
  private long eventsApplied;
  private long duplicateEventsIgnored;
  private long eventsRejected;
  private int continuedAsNew;
  private ArrayList<Message> pendingTurns = new ArrayList<>();
  private Instant assistDueAt;
  private int suggestionCount;
  private ArrayList<Alert> alerts = new ArrayList<>();
  private LinkedHashMap<String, Instant> lastAlertAt = new LinkedHashMap<>();
  private Instant lastProgressAt;
  private int progressCount;
  private String remindedTurnId;
  private String escalatedTurnId;
  private String autoSuggestionId;
  private String autoTurnId;
  private Instant autoDueAt;
  /** Null for states carried from runs that applied events in arrival order only. */
  private SourceOrder sourceOrder;
  private Instant resolutionNoteAt;
  /** Null for states carried from runs before sends were handed over. */
  private Outbox outbox = new Outbox();

  /** For Jackson. */
  TicketState() {}

  public static TicketState open(String workflowId, String ticketId, Instant now) {
    TicketState state = new TicketState();
    state.workflowId = Objects.requireNonNull(workflowId);
    state.facts = TicketFacts.onlyId(Objects.requireNonNull(ticketId));
    state.createdAt = now;
    state.updatedAt = now;
    return state;
  }

  /** Whether {@code event} would be rejected in the current state; null when it applies (or is a duplicate). */
  public String rejectionOf(TicketEvent event) {
    if (rememberedEventIds.containsKey(EventFingerprint.of(event.eventId()))) {
      return null;
    }
    return transitionFor(event, event.ticket().mergeInto(facts)).rejection();
  }

  /**
   * Why an analyst's action cannot be taken under its event id (the caller's idempotency key): the id was already
   * used for a different action. Null when the id is new, or a retry of the same action (which applies once).
   */
  public String conflictOf(TicketEvent event) {
    String remembered = rememberedEventIds.get(EventFingerprint.of(event.eventId()));
    return remembered == null || remembered.equals(EventFingerprint.ofContent(event)) ? null
        : "the key " + event.eventId() + " was already used for a different action on this ticket";
  }

  /**
   * From now on, apply events in the order they happened at the source: an event from the ticketing system that
   * arrives after events that happened later is applied where it belongs (see {@link SourceOrder}).
   */
  public void orderBySource() {
    if (sourceOrder == null) {
      sourceOrder = SourceOrder.startingFrom(status, facts, assignee);
    }
  }

  /** Applies one event at workflow time {@code now}, in arrival order. */
  public Applied apply(TicketEvent event, Instant now, TicketSettings settings) {
    return apply(event, now, settings, false);
  }

  /**
   * Applies one event at workflow time {@code now}. Repeated event ids and rejected transitions change nothing else.
   * {@code fromSource}: the event comes from the ticketing system and carries its source time, so when it arrives
   * late it is applied in source order; Vigil's own actions (analysts acting through Vigil) count from arrival.
   */
  public Applied apply(TicketEvent event, Instant now, TicketSettings settings, boolean fromSource) {
    if (rememberedEventIds.containsKey(EventFingerprint.of(event.eventId()))) {
      duplicateEventsIgnored++;
      return new Applied(true, null, null, false);
    }
    remember(event, settings);
    if (sourceOrder != null && fromSource && sourceOrdered(event) && sourceOrder.isLate(event.occurredAt())) {
      return applyLate(event, now, settings);
    }
    TicketFacts merged = event.ticket().mergeInto(facts);
    Transition transition = transitionFor(event, merged);
    Instant sourceTime = null;
    if (sourceOrder != null && sourceOrdered(event) && identityProblem(event) == null) {
      // in order: at or after the last logged event (Vigil's own actions are placed at their arrival)
      sourceTime = sourceOrder.timeFor(event.occurredAt());
      sourceOrder.append(SourceOrder.Entry.of(event, sourceTime), settings.maxRememberedEventIds());
    }
    if (transition.rejected()) {
      eventsRejected++;
      decide(now, "ignored " + event.type().wireName(), transition.rejection(), settings);
      updatedAt = now;
      return new Applied(false, transition, null, status.isOpen());
    }
    applyFacts(event, merged, now, settings);
    Message added = applyPayload(event, now, settings, sourceTime);
    if (transition.changesStatus()) {
      enter(transition, event, now, settings);
    }
    eventsApplied++;
    updatedAt = now;
    return new Applied(false, transition, added, status.isOpen());
  }

  /**
   * An event from the source that happened before events already applied: its place in source order decides. The
   * ticket's status, facts and assignee become what in-order delivery would have made them; its message takes its
   * place in the dialogue; its resolution note counts only if no later resolution wrote one.
   */
  private Applied applyLate(TicketEvent event, Instant now, TicketSettings settings) {
    TicketStatus before = status;
    SourceOrder.Derived derived = sourceOrder.insertLate(SourceOrder.Entry.of(event, event.occurredAt()),
        settings.maxRememberedEventIds());
    updatedAt = now;
    if (derived.rejection() != null) {
      eventsRejected++;
      decide(now, "ignored " + event.type().wireName(), derived.rejection() + " (it happened at "
          + event.occurredAt() + ", before events already applied)", settings);
    } else {
      decide(now, "applied late", event.type().wireName() + " from " + event.occurredAt()
          + " arrived after later events; applied in source order", settings);
    }
    if (derived.facts() != null) {
      // the source-order log leaves descriptions out: the description follows arrival order
      String description = facts.description() != null ? facts.description() : event.ticket().description();
      TicketFacts d = derived.facts();
      applyFacts(event, new TicketFacts(d.id(), d.subject(), description, d.priority(), d.product(), d.customer()),
          now, settings);
    }
    if (!Objects.equals(assignee, derived.assignee())) {
      assignee = derived.assignee();
      addTimeline(settings, new TimelineEntry(now, "assigned", describe(assignee), event.eventId()));
    }
    Message added = null;
    if (derived.rejection() == null) {
      eventsApplied++;
      if (event.type() == TicketEventType.MESSAGE_POSTED) {
        added = addMessage(event, now, settings, true);
      } else if (event.type() == TicketEventType.RESOLVED) {
        noteResolution(event, event.occurredAt());
      }
    }
    Transition transition = derived.status() == before ? Transition.stay(before)
        : Transition.move(before, derived.status());
    if (transition.changesStatus()) {
      enter(transition, event, now, settings);
    }
    return new Applied(false, transition, added, status.isOpen());
  }

  /** Events that move status, facts or the assignee; feedback on suggestions and pausing Vigil do not. */
  private static boolean sourceOrdered(TicketEvent event) {
    return switch (event.type()) {
      case ASSISTANT_PAUSED, ASSISTANT_RESUMED, SUGGESTION_DISMISSED, SUGGESTION_RATED -> false;
      default -> true;
    };
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
    return feedbackProblem(event);
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

  private void applyFacts(TicketEvent event, TicketFacts merged, Instant now, TicketSettings settings) {
    Priority before = facts.priority();
    facts = new TicketFacts(merged.id(), Texts.cap(merged.subject(), TicketBudget.SUBJECT_CHARS),
        Texts.cap(merged.description(), TicketBudget.DESCRIPTION_CHARS), merged.priority(), merged.product(),
        merged.customer());
    if (before != null && merged.priority() != null && before != merged.priority()) {
      addTimeline(settings, new TimelineEntry(now, "priority", before + " → " + merged.priority(), event.eventId()));
    }
  }

  /** Applies the event's own payload; returns the message it added to the dialogue, if any. */
  private Message applyPayload(TicketEvent event, Instant now, TicketSettings settings, Instant sourceTime) {
    switch (event.type()) {
      case MESSAGE_POSTED -> {
        return addMessage(event, now, settings);
      }
      case ASSIGNED -> {
        assignee = event.analyst();
        addTimeline(settings, new TimelineEntry(now, "assigned", describe(assignee), event.eventId()));
      }
      case RESOLVED -> noteResolution(event, sourceTime);
      case SUGGESTION_ADOPTED, SUGGESTION_EDITED -> {
        return postSuggestion(event, now, settings);
      }
      case SUGGESTION_DISMISSED, SUGGESTION_RATED -> dismissOrRate(event, now, settings);
      case ASSISTANT_PAUSED -> {
        if (!assistantPaused) {
          assistantPaused = true;
          decide(now, "assistant paused", "paused by " + actorOf(event), settings);
        }
      }
      case ASSISTANT_RESUMED -> {
        if (assistantPaused) {
          assistantPaused = false;
          decide(now, "assistant resumed", "resumed by " + actorOf(event), settings);
        }
      }
      default -> {
        // status-only events: the transition carries their effect
      }
    }
    return null;
  }

  private Message addMessage(TicketEvent event, Instant now, TicketSettings settings) {
    return addMessage(event, now, settings, false);
  }

  /** {@code inSourcePlace}: the message arrived late and goes before the messages that happened after it. */
  private Message addMessage(TicketEvent event, Instant now, TicketSettings settings, boolean inSourcePlace) {
    IncomingMessage in = event.message();
    boolean seen = messages.stream().anyMatch(m -> m.id().equals(in.id()));
    if (seen) {
      duplicateEventsIgnored++;
      return null;
    }
    Message message = new Message(in.id(), in.role(), in.author(), Texts.cap(in.text(), TicketBudget.MESSAGE_CHARS),
        event.occurredAt(), event.eventId(), now);
    int place = messages.size();
    if (inSourcePlace && message.at() != null) {
      while (place > 0 && messages.get(place - 1).at() != null && messages.get(place - 1).at().isAfter(message.at())) {
        place--;
      }
    }
    messages.add(place, message);
    keepDialogueInBudget(settings);
    return message;
  }

  /**
   * Vigil's own message (an adopted or edited suggestion, a progress update, a direct answer) joins the dialogue
   * under the same budget as the turns that arrive.
   */
  private Message appendMessage(Message message, TicketSettings settings) {
    Message capped = new Message(message.id(), message.role(), message.author(),
        Texts.cap(message.text(), TicketBudget.MESSAGE_CHARS), message.at(), message.eventId(), message.receivedAt());
    messages.add(capped);
    keepDialogueInBudget(settings);
    return capped;
  }

  /** Drops the oldest turns beyond {@code maxMessages} or {@link TicketBudget#DIALOGUE_BYTES}; the newest stays. */
  private void keepDialogueInBudget(TicketSettings settings) {
    messagesDropped += Bounded.trim(messages, settings.maxMessages(), TicketBudget.DIALOGUE_BYTES, TicketState::cost);
  }

  private static int cost(Message m) {
    return Texts.cost(220, m.id(), m.author(), m.text(), m.eventId());
  }

  /**
   * Queues a customer turn for the assistant; it runs once no further turn has arrived for {@code window}. The queue
   * keeps the newest turns within its budget.
   */
  public void queueForAssistant(Message turn, Instant now, java.time.Duration window) {
    pendingTurns.add(turn);
    Bounded.trim(pendingTurns, TicketBudget.ASSISTANT_QUEUE, TicketBudget.ASSISTANT_QUEUE_BYTES, TicketState::cost);
    assistDueAt = now.plus(window);
  }

  /** When the queued turns are due for the assistant, or null when none are queued. */
  public Instant assistDueAt() {
    return pendingTurns.isEmpty() ? null : assistDueAt;
  }

  /** The queued turns, oldest first, removing them from the queue. */
  public List<Message> takePendingTurns() {
    List<Message> turns = List.copyOf(pendingTurns);
    pendingTurns.clear();
    assistDueAt = null;
    return turns;
  }

  /** Whether an analyst wrote after {@code turn}: then the question has already been answered by a human. */
  public boolean analystRepliedAfter(Message turn) {
    return analystRepliedAfter(turn.id());
  }

  private boolean analystRepliedAfter(String turnId) {
    boolean after = false;
    for (Message m : messages) {
      if (m.id().equals(turnId)) {
        after = true;
      } else if (after && m.role() == Role.ANALYST) {
        return true;
      }
    }
    return false;
  }

  public boolean assistantPaused() {
    return assistantPaused;
  }

  /** Records a suggestion Vigil offered, numbered S1, S2, … on this ticket, in {@code state}. */
  public Suggestion offer(String text, List<String> citations, double confidence, String state, Instant now) {
    List<String> cited = citations.size() > TicketBudget.SUGGESTION_CITATIONS
        ? List.copyOf(citations.subList(0, TicketBudget.SUGGESTION_CITATIONS)) : List.copyOf(citations);
    Suggestion suggestion = new Suggestion("S" + (++suggestionCount), Texts.cap(text, TicketBudget.SUGGESTION_CHARS),
        cited, confidence, state, now, null, null, null);
    suggestions.add(suggestion);
    suggestionsDropped += Bounded.trim(suggestions, TicketBudget.SUGGESTIONS, TicketBudget.SUGGESTIONS_BYTES,
        s -> Texts.cost(260, s.id(), s.text(), s.decidedBy()) + s.citations().stream().mapToInt(Texts::cost).sum());
    return suggestion;
  }

  public List<Suggestion> suggestions() {
    return List.copyOf(suggestions);
  }

  private void enter(Transition transition, TicketEvent event, Instant now, TicketSettings settings) {
    TicketStatus to = transition.to();
    status = to;
    addTimeline(settings, new TimelineEntry(now, "status", transition.from().wireName() + " → " + to.wireName(),
        event.eventId()));
    switch (to) {
      case TRIAGED -> decide(now, "triaged", triageReason(), settings);
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

  /** Why a suggestion event cannot apply, or null (also for events that are not about suggestions). */
  private String feedbackProblem(TicketEvent event) {
    TicketEventType type = event.type();
    boolean aboutSuggestion = type == TicketEventType.SUGGESTION_ADOPTED || type == TicketEventType.SUGGESTION_EDITED
        || type == TicketEventType.SUGGESTION_DISMISSED || type == TicketEventType.SUGGESTION_RATED;
    if (!aboutSuggestion) {
      return null;
    }
    SuggestionFeedback feedback = event.feedback();
    if (feedback == null || feedback.suggestionId() == null) {
      return type.wireName() + " needs a suggestion id";
    }
    Suggestion suggestion = suggestion(feedback.suggestionId());
    if (suggestion == null) {
      return "no suggestion " + feedback.suggestionId() + " on this ticket";
    }
    if (type == TicketEventType.SUGGESTION_RATED) {
      return "like".equals(feedback.rating()) || "dislike".equals(feedback.rating()) ? null
          : "rating must be like or dislike";
    }
    if (!suggestion.open()) {
      return "suggestion " + suggestion.id() + " was already " + suggestion.state();
    }
    if (type == TicketEventType.SUGGESTION_EDITED && (feedback.text() == null || feedback.text().isBlank())) {
      return "an edited suggestion needs its text";
    }
    return null;
  }

  private Suggestion suggestion(String id) {
    return suggestions.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  private void replace(Suggestion updated) {
    suggestions.replaceAll(s -> s.id().equals(updated.id()) ? updated : s);
  }

  /** Adopting or editing a suggestion posts it to the customer as the analyst's message. */
  private Message postSuggestion(TicketEvent event, Instant now, TicketSettings settings) {
    Suggestion suggestion = suggestion(event.feedback().suggestionId());
    boolean edited = event.type() == TicketEventType.SUGGESTION_EDITED;
    String text = edited ? event.feedback().text() : suggestion.text();
    replace(suggestion.decided(edited ? Suggestion.EDITED : Suggestion.ADOPTED, actorOf(event), now));
    Message message = appendMessage(new Message(Message.SUGGESTION_PREFIX + suggestion.id(), Role.ANALYST,
        actorOf(event), text, event.occurredAt(), event.eventId(), now), settings);
    decide(now, suggestion.id() + (edited ? " edited" : " adopted") + " by " + actorOf(event),
        "posted to the customer as the analyst's reply", settings);
    return message;
  }

  private void dismissOrRate(TicketEvent event, Instant now, TicketSettings settings) {
    SuggestionFeedback feedback = event.feedback();
    Suggestion suggestion = suggestion(feedback.suggestionId());
    if (event.type() == TicketEventType.SUGGESTION_RATED) {
      replace(suggestion.rated(feedback.rating()));
      decide(now, suggestion.id() + " " + feedback.rating() + "d by " + actorOf(event), "analyst feedback", settings);
    } else {
      replace(suggestion.decided(Suggestion.DISMISSED, actorOf(event), now));
      decide(now, suggestion.id() + " dismissed by " + actorOf(event),
          feedback.reason() == null ? "no reason given" : feedback.reason(), settings);
    }
  }

  /**
   * Raises the alert of a matched risk rule unless the same rule alerted on this ticket within its silence window;
   * raises the ticket's priority when the rule says so. Returns the alert, or null when silenced.
   */
  public Alert raiseAlert(dev.vigil.workflows.assistant.RiskMatch match, Instant now, TicketSettings settings) {
    Instant last = lastAlertAt.get(match.ruleId());
    if (last != null && match.silence() != null && now.isBefore(last.plus(match.silence()))) {
      decide(now, "alert silenced", "rule " + match.ruleId() + " already alerted at " + last + "; quiet until "
          + last.plus(match.silence()), settings);
      return null;
    }
    Alert alert = new Alert(match.ruleId(), match.level(),
        Texts.cap(match.description(), TicketBudget.ALERT_TEXT_CHARS),
        Texts.cap(match.evidence(), TicketBudget.ALERT_TEXT_CHARS), now);
    alerts.add(alert);
    alertsDropped += Bounded.trim(alerts, TicketBudget.ALERTS, TicketBudget.ALERTS_BYTES,
        a -> Texts.cost(120, a.ruleId(), a.level(), a.description(), a.evidence()));
    lastAlertAt.remove(match.ruleId());
    lastAlertAt.put(match.ruleId(), now);
    if (lastAlertAt.size() > TicketBudget.ALERT_RULES) {
      lastAlertAt.remove(lastAlertAt.keySet().iterator().next());
    }
    decide(now, "alert " + match.level() + ": " + match.description(), "rule " + match.ruleId() + " matched "
        + match.evidence(), settings);
    Priority current = facts.priority() == null ? Priority.DEFAULT : facts.priority();
    Priority target = match.raisePriorityTo();
    if (target != null && target.compareTo(current) < 0) {
      facts = new TicketFacts(facts.id(), null, null, target, null, null).mergeInto(facts);
      addTimeline(settings, new TimelineEntry(now, "priority", current + " → " + target + " (rule " + match.ruleId() + ")",
          null));
      decide(now, "priority raised to " + target, "rule " + match.ruleId(), settings);
    }
    return alert;
  }

  /** Recomputes when the customer is owed the next progress update (null when the ticket does not wait on support). */
  public void refreshCheckIn(TicketSettings settings) {
    String tenant = facts.customer() == null ? null : facts.customer().tenant();
    nextCheckInAt = ProgressPolicy.nextCheckIn(status, facts.priority() == null ? Priority.DEFAULT
        : facts.priority(), createdAt, messages, lastProgressAt, settings.progressCadence(),
        tenant == null ? null : settings.quietHours().get(tenant));
  }

  public Instant nextCheckInAt() {
    return nextCheckInAt;
  }

  /** The due progress update: Vigil's message to the customer, built from the timeline since the last one. */
  public Message sendProgressUpdate(Instant now, TicketSettings settings) {
    Message message = appendMessage(new Message(Message.PROGRESS_PREFIX + (++progressCount), Role.VIGIL, "Vigil",
        ProgressReport.of(view(), lastProgressAt), now, null, now), settings);
    lastProgressAt = now;
    Priority priority = facts.priority() == null ? Priority.DEFAULT : facts.priority();
    decide(now, "progress update sent", "customer waits on support; " + priority + " cadence "
        + settings.progressCadence().get(priority), settings);
    refreshCheckIn(settings);
    return message;
  }

  /** When analysts must next be reminded of an unanswered customer turn (or escalated), or null. */
  public Instant reminderDueAt(TicketSettings settings) {
    Message turn = ProgressPolicy.unansweredTurn(status, messages);
    if (turn == null || turn.receivedAt() == null) {
      return null; // turns carried over from runs before receivedAt existed are not reminded of
    }
    if (!turn.id().equals(remindedTurnId)) {
      return turn.receivedAt().plus(settings.reminderAfter());
    }
    if (!turn.id().equals(escalatedTurnId)) {
      return turn.receivedAt().plus(settings.escalateAfter());
    }
    return null;
  }

  /** Records the due reminder; returns {@link OutboundKind#REMINDER} or {@link OutboundKind#ESCALATION}. */
  public dev.vigil.workflows.notify.OutboundKind remind(Instant now, TicketSettings settings) {
    Message turn = ProgressPolicy.unansweredTurn(status, messages);
    String who = assignee == null ? "the support team" : describe(assignee);
    if (!turn.id().equals(remindedTurnId)) {
      remindedTurnId = turn.id();
      decide(now, "analyst reminder", "customer turn " + turn.id() + " unanswered for "
          + settings.reminderAfter() + "; reminded " + who, settings);
      return dev.vigil.workflows.notify.OutboundKind.REMINDER;
    }
    escalatedTurnId = turn.id();
    decide(now, "escalated to on-call", "customer turn " + turn.id() + " unanswered for "
        + settings.escalateAfter(), settings);
    return dev.vigil.workflows.notify.OutboundKind.ESCALATION;
  }

  /** Marks a suggestion to be sent to the customer at {@code due} unless an analyst replies to {@code turn} first. */
  public void scheduleAutoAnswer(Suggestion suggestion, Message turn, Instant due) {
    autoSuggestionId = suggestion.id();
    autoTurnId = turn.id();
    autoDueAt = due;
  }

  /** When the pending automatic answer is due, or null when none is pending. */
  public Instant autoAnswerDueAt() {
    return autoSuggestionId == null ? null : autoDueAt;
  }

  /**
   * The pending automatic answer's time has come: sends it to the customer as Vigil's message, unless an analyst
   * replied or decided on the suggestion meanwhile. Returns the message sent, or null.
   */
  public Message sendAutoAnswer(Instant now, TicketSettings settings) {
    Suggestion suggestion = suggestion(autoSuggestionId);
    String turnId = autoTurnId;
    autoSuggestionId = null;
    autoTurnId = null;
    autoDueAt = null;
    if (suggestion == null || !Suggestion.AUTO_PENDING.equals(suggestion.state())) {
      return null; // an analyst adopted, edited or dismissed it in the meantime
    }
    if (!status.isOpen() || analystRepliedAfter(turnId)) {
      replace(suggestion.decided(Suggestion.CANCELLED, "vigil", now));
      decide(now, "auto-answer " + suggestion.id() + " cancelled",
          status.isOpen() ? "an analyst replied first" : "ticket is " + status.wireName(), settings);
      return null;
    }
    replace(suggestion.decided(Suggestion.ANSWERED, "vigil", now));
    Message message = appendMessage(new Message(Message.SUGGESTION_PREFIX + suggestion.id(), Role.VIGIL, "Vigil",
        suggestion.text(), now, null, now), settings);
    decide(now, "answered the customer with " + suggestion.id(),
        "tenant allows direct answers and no analyst replied in time", settings);
    return message;
  }

  private String triageReason() {
    String tenant = facts.customer() == null ? null : facts.customer().tenant();
    return "priority " + (facts.priority() == null ? Priority.DEFAULT + " (default)" : facts.priority())
        + ", product " + (facts.product() == null ? "unspecified" : facts.product())
        + ", tenant " + (tenant == null ? "unknown" : tenant);
  }

  /** Appends to the decision log, dropping the oldest entries beyond the bound. */
  public void decide(Instant at, String action, String reason, TicketSettings settings) {
    decisions.add(new Decision(at, Texts.cap(action, TicketBudget.DECISION_ACTION_CHARS),
        Texts.cap(reason, TicketBudget.DECISION_REASON_CHARS)));
    decisionsDropped += Bounded.trim(decisions, Math.min(settings.maxDecisions(), TicketBudget.DECISIONS),
        TicketBudget.DECISIONS_BYTES, d -> Texts.cost(60, d.action(), d.reason()));
  }

  /** Adds to the timeline, dropping the oldest entries beyond the bound. */
  private void addTimeline(TicketSettings settings, TimelineEntry entry) {
    timeline.add(new TimelineEntry(entry.at(), entry.kind(), Texts.cap(entry.detail(),
        TicketBudget.TIMELINE_DETAIL_CHARS), entry.eventId()));
    timelineDropped += Bounded.trim(timeline, Math.min(settings.maxDecisions(), TicketBudget.TIMELINE),
        TicketBudget.TIMELINE_BYTES, t -> Texts.cost(80, t.kind(), t.detail(), t.eventId()));
  }

  /** Records the learning workflow started for the latest close. */
  public void learningStarted(LearningRun run, TicketSettings settings) {
    learningRuns.add(run);
    Bounded.trim(learningRuns, TicketBudget.LEARNING_RUNS, Integer.MAX_VALUE, r -> 0);
    decide(run.startedAt(), "learning started", "ticket closed; learning workflow " + run.workflowId(), settings);
  }

  /** Marks the start of a new run after continue-as-new. */
  public void continuedAsNew() {
    continuedAsNew++;
    if (outbox == null) {
      outbox = new Outbox();
    }
  }

  /** The sends not yet settled, handed from run to run. */
  public Outbox outbox() {
    return outbox;
  }

  private void remember(TicketEvent event, TicketSettings settings) {
    rememberedEventIds.put(EventFingerprint.of(event.eventId()), EventFingerprint.ofContent(event));
    Iterator<String> oldest = rememberedEventIds.keySet().iterator();
    while (rememberedEventIds.size() > settings.maxRememberedEventIds() && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
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

  public Analyst assignee() {
    return assignee;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public int closeCount() {
    return closeCount;
  }

  public TicketView view() {
    return new TicketView(
        facts.id(),
        workflowId,
        status,
        facts.subject(),
        facts.description(),
        facts.priority() == null ? Priority.DEFAULT : facts.priority(),
        facts.product(),
        facts.customer(),
        assignee,
        assistantPaused,
        List.copyOf(messages),
        messagesDropped,
        List.copyOf(suggestions),
        List.copyOf(decisions),
        decisionsDropped,
        List.copyOf(timeline),
        resolutionNote,
        nextCheckInAt,
        List.copyOf(learningRuns),
        List.copyOf(alerts),
        createdAt,
        updatedAt,
        resolvedAt,
        closedAt,
        eventsApplied,
        duplicateEventsIgnored,
        eventsRejected,
        continuedAsNew,
        suggestionsDropped,
        timelineDropped,
        alertsDropped);
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
}
