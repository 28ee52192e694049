package dev.vigil.starter.ui;

import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.starter.live.TicketChanges;
import dev.vigil.starter.live.TicketWatch;
import dev.vigil.starter.ticket.AnalystActions;
import dev.vigil.starter.ticket.TicketActions.Actor;
import dev.vigil.starter.ticket.TicketActions;
import dev.vigil.starter.ticket.TicketDetails;
import dev.vigil.starter.ticket.TicketService;
import dev.vigil.workflows.ticket.Analyst;
import dev.vigil.workflows.ticket.Message;
import dev.vigil.workflows.ticket.Priority;
import dev.vigil.workflows.ticket.Suggestion;
import dev.vigil.workflows.ticket.TicketView;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket page: conversation, Vigil's suggestions with their citations, the decision log, the ticket's facts and
 * every analyst action. Each section is a fragment the page re-reads when the ticket's event stream says that
 * section changed; actions are forms that post, apply once (the form's key is the event id) and come back here.
 * Every route takes {@code ?source=} (default {@code VIGIL_TICKET_SOURCE}): the ticket is {@code ticket:<source>:<id>},
 * and {@link TicketLinks} puts the source into every address the page links to.
 */
@Controller
@RequestMapping("/tickets/{ticketId}")
public class TicketPages {
  private static final List<String> SECTIONS = List.of(TicketChanges.FACTS, TicketChanges.CONVERSATION,
      TicketChanges.SUGGESTIONS, TicketChanges.DECISIONS);

  private final TicketService tickets;
  private final TicketActions actions;
  private final TicketWatch watch;
  private final KnowledgeIndex knowledge;
  private final Flash flash;
  private final TicketLinks links;

  public TicketPages(TicketService tickets, TicketActions actions, TicketWatch watch, KnowledgeIndex knowledge,
      Flash flash, TicketLinks links) {
    this.tickets = tickets;
    this.actions = actions;
    this.watch = watch;
    this.knowledge = knowledge;
    this.flash = flash;
    this.links = links;
  }

  @GetMapping
  public String page(@PathVariable String ticketId, @RequestParam(required = false) String source, Model model) {
    TicketDetails details = tickets.details(tickets.source(source), TicketActions.checked(ticketId));
    model.addAttribute("details", details);
    addSectionData(details.ticket(), model);
    return "ticket";
  }

  /**
   * One section of the page, re-read when the stream names it. Only the facts show the learning run's status, so
   * only they pay for describing it; the other sections need the view alone.
   */
  @GetMapping("/sections/{section}")
  public String section(@PathVariable String ticketId, @PathVariable String section,
      @RequestParam(required = false) String source, Model model) {
    if (!SECTIONS.contains(section)) {
      throw new IllegalArgumentException("unknown section " + section);
    }
    String system = tickets.source(source);
    TicketView view;
    if (TicketChanges.FACTS.equals(section)) {
      TicketDetails details = tickets.details(system, TicketActions.checked(ticketId));
      model.addAttribute("details", details);
      view = details.ticket();
    } else {
      view = tickets.view(system, TicketActions.checked(ticketId));
    }
    addSectionData(view, model);
    return "ticket :: " + section;
  }

  /**
   * The page's live stream: an event named after each section that changed, and a {@code message} event carrying
   * every message Vigil sent to the customer (answers, adopted or edited suggestions, progress updates).
   */
  @GetMapping(path = "/stream", produces = "text/event-stream")
  @ResponseBody
  public SseEmitter stream(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) Integer seen) {
    String system = tickets.source(source);
    tickets.view(system, TicketActions.checked(ticketId)); // 404 for a ticket that does not exist
    return watch.subscribe(system, ticketId, TicketWatch.Audience.ANALYSTS, seen, (before, after) -> {
      List<SseEmitter.SseEventBuilder> events = new ArrayList<>();
      for (String part : TicketChanges.parts(before, after)) {
        events.add(SseEmitter.event().name(part).data(after.eventsApplied()));
      }
      if (before != null) {
        TicketChanges.newMessages(before, after).stream()
            .filter(Message::sentByVigil)
            .forEach(m -> events.add(SseEmitter.event().name("message").id(m.id()).data(m)));
      }
      return events;
    });
  }

  private void addSectionData(TicketView view, Model model) {
    Map<String, String> cited = new LinkedHashMap<>();
    for (Suggestion suggestion : view.suggestions()) {
      for (String id : suggestion.citations()) {
        cited.computeIfAbsent(id, this::titleOf);
      }
    }
    model.addAttribute("view", view);
    model.addAttribute("cited", cited);
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("decisions", newestFirst(view.decisions()));
    model.addAttribute("suggestions", newestFirst(view.suggestions()));
  }

  private String titleOf(String entryId) {
    Optional<KnowledgeEntry> entry;
    try {
      entry = knowledge.get(entryId);
    } catch (RuntimeException e) {
      return entryId; // the index is down: the citation still links to the entry
    }
    return entry.map(e -> e.question() == null || e.question().isBlank() ? entryId : e.question())
        .orElse(entryId + " (no longer stored)");
  }

  private static <T> List<T> newestFirst(List<T> oldestFirst) {
    List<T> items = new ArrayList<>(oldestFirst);
    Collections.reverse(items);
    return items;
  }

  // ---- actions: each form carries a key generated when the page was rendered ----

  @PostMapping("/suggestions/{suggestionId}/adopt")
  public String adopt(@PathVariable String ticketId, @PathVariable String suggestionId,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), null, "Suggestion sent to the customer.",
        () -> actions.in(tickets.source(source)).adopt(ticketId, suggestionId, actor(user, key)));
  }

  @PostMapping("/suggestions/{suggestionId}/edit")
  public String edit(@PathVariable String ticketId, @PathVariable String suggestionId, @RequestParam String text,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), new AnalystActions.EditSuggestion(text),
        "Your edited reply was sent to the customer.",
        () -> actions.in(tickets.source(source)).edit(ticketId, suggestionId, text, actor(user, key)));
  }

  @PostMapping("/suggestions/{suggestionId}/dismiss")
  public String dismiss(@PathVariable String ticketId, @PathVariable String suggestionId,
      @RequestParam(required = false) String reason, @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), new AnalystActions.DismissSuggestion(reason), "Suggestion dismissed.",
        () -> actions.in(tickets.source(source)).dismiss(ticketId, suggestionId, reason, actor(user, key)));
  }

  @PostMapping("/suggestions/{suggestionId}/rate")
  public String rate(@PathVariable String ticketId, @PathVariable String suggestionId, @RequestParam String rating,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), new AnalystActions.RateSuggestion(rating), "Thanks, rating recorded.",
        () -> actions.in(tickets.source(source)).rate(ticketId, suggestionId, rating, actor(user, key)));
  }

  @PostMapping("/messages")
  public String reply(@PathVariable String ticketId, @RequestParam String text,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), new AnalystActions.PostMessage(text), "Reply recorded.",
        () -> actions.in(tickets.source(source)).postMessage(ticketId, text, actor(user, key)));
  }

  @PostMapping("/assistant/pause")
  public String pause(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), null, "Vigil is paused on this ticket.",
        () -> actions.in(tickets.source(source)).pauseAssistant(ticketId, actor(user, key)));
  }

  @PostMapping("/assistant/resume")
  public String resume(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), null, "Vigil is back on this ticket.",
        () -> actions.in(tickets.source(source)).resumeAssistant(ticketId, actor(user, key)));
  }

  @PostMapping("/assignee")
  public String assign(@PathVariable String ticketId, @RequestParam String analystId,
      @RequestParam(required = false) String name, @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    String displayName = name == null || name.isBlank() ? null : name.strip();
    return flash.run(out, back(source, ticketId), new AnalystActions.Assign(analystId.strip(), displayName),
        "Assigned to " + analystId.strip() + ".",
        () -> actions.in(tickets.source(source)).assign(ticketId, new Analyst(analystId.strip(), displayName),
            actor(user, key)));
  }

  @PostMapping("/priority")
  public String priority(@PathVariable String ticketId, @RequestParam String priority,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    Priority parsed;
    try {
      parsed = Priority.valueOf(priority);
    } catch (IllegalArgumentException e) {
      out.addFlashAttribute(Flash.ERROR, "Not applied: priority must be one of P1, P2, P3, P4.");
      return back(source, ticketId);
    }
    return flash.run(out, back(source, ticketId), null, "Priority is now " + parsed + ".",
        () -> actions.in(tickets.source(source)).changePriority(ticketId, parsed, actor(user, key)));
  }

  @PostMapping("/resolve")
  public String resolve(@PathVariable String ticketId, @RequestParam(required = false) String note,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), new AnalystActions.Resolve(note), "Ticket resolved.",
        () -> actions.in(tickets.source(source)).resolve(ticketId, note, actor(user, key)));
  }

  @PostMapping("/close")
  public String close(@PathVariable String ticketId, @RequestParam(required = false) String source,
      @RequestParam(required = false) String key, Principal user, RedirectAttributes out) {
    return flash.run(out, back(source, ticketId), null, "Ticket closed; Vigil is learning from it.",
        () -> actions.in(tickets.source(source)).close(ticketId, actor(user, key)));
  }

  private static Actor actor(Principal user, String key) {
    return Actor.of(user.getName(), "ui", key);
  }

  /** Back to the ticket's page; an invalid source goes back to the default one's, where the error shows. */
  private String back(String source, String ticketId) {
    String system;
    try {
      system = tickets.source(source);
    } catch (IllegalArgumentException e) {
      system = tickets.source(null);
    }
    return "redirect:" + links.ticket(system, TicketActions.checked(ticketId));
  }
}
