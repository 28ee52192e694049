package dev.vigil.starter.ui;

import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.starter.knowledge.KnowledgeCuration;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The knowledge browser: search or list entries, read one with its versions and provenance, and curate it
 * (approve a draft, retire, restore, revert to an earlier version). Every change carries the version the analyst
 * saw, so a change made meanwhile by learning or a colleague is refused instead of overwritten.
 */
@Controller
public class KnowledgePages {
  private static final int PAGE_SIZE = 25;

  private final KnowledgeCuration curation;
  private final Flash flash;

  public KnowledgePages(KnowledgeCuration curation, Flash flash) {
    this.curation = curation;
    this.flash = flash;
  }

  @GetMapping("/knowledge")
  public String browse(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
      @RequestParam(required = false) String tenant, @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int page, Model model) {
    if (page < 0 || page > 10_000) {
      throw new IllegalArgumentException("page must be 0..10000");
    }
    EntryStatus entryStatus = blank(status) ? null : EntryStatus.fromWire(status);
    EntryKind entryKind = blank(kind) ? null : EntryKind.fromWire(kind);
    // "any status" means any here, drafts and retired entries included (the API's search default is active only)
    Set<EntryStatus> statuses = entryStatus == null ? EnumSet.allOf(EntryStatus.class) : Set.of(entryStatus);
    model.addAttribute("results", curation.find(q, tenant, statuses, null, entryKind, page * PAGE_SIZE,
        PAGE_SIZE));
    model.addAttribute("q", q);
    model.addAttribute("status", entryStatus == null ? "" : entryStatus.wireName());
    model.addAttribute("tenant", tenant);
    model.addAttribute("kind", entryKind == null ? "" : entryKind.wireName());
    model.addAttribute("page", page);
    model.addAttribute("pageSize", PAGE_SIZE);
    model.addAttribute("statuses", EntryStatus.values());
    model.addAttribute("kinds", EntryKind.values());
    return "knowledge";
  }

  @GetMapping("/knowledge/{id}")
  public String entry(@PathVariable String id, Model model) {
    KnowledgeCuration.EntryWithHistory entry = curation.read(id);
    model.addAttribute("entry", entry.entry());
    List<KnowledgeEntry> newestFirst = new ArrayList<>(entry.history());
    Collections.reverse(newestFirst);
    model.addAttribute("history", newestFirst);
    return "entry";
  }

  @PostMapping("/knowledge/{id}/approve")
  public String approve(@PathVariable String id, @RequestParam long version, Principal user,
      RedirectAttributes out) {
    return flash.run(out, back(id), null, "Approved: the entry is active.",
        () -> curation.approve(id, version, user.getName()));
  }

  @PostMapping("/knowledge/{id}/retire")
  public String retire(@PathVariable String id, @RequestParam long version, Principal user,
      RedirectAttributes out) {
    return flash.run(out, back(id), null, "Retired: Vigil no longer answers from it.",
        () -> curation.retire(id, version, user.getName()));
  }

  @PostMapping("/knowledge/{id}/restore")
  public String restore(@PathVariable String id, @RequestParam long version, Principal user,
      RedirectAttributes out) {
    return flash.run(out, back(id), null, "Restored.", () -> curation.restore(id, version, user.getName()));
  }

  @PostMapping("/knowledge/{id}/revert")
  public String revert(@PathVariable String id, @RequestParam("to") long toVersion, @RequestParam long version,
      Principal user, RedirectAttributes out) {
    return flash.run(out, back(id), null, "Reverted to version " + toVersion + " (as a new version).",
        () -> curation.revert(id, toVersion, version, user.getName()));
  }

  private static String back(String id) {
    return "redirect:" + UriComponentsBuilder.fromPath("/knowledge/{id}").buildAndExpand(id).encode().toUriString();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
