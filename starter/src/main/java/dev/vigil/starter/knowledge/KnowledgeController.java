package dev.vigil.starter.knowledge;

import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.EntryKind;
import dev.vigil.activities.knowledge.EntryStatus;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.Provenance;
import dev.vigil.activities.knowledge.importing.ImportProblem;
import dev.vigil.activities.knowledge.importing.KnowledgeFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge index over REST: hybrid search, entries with their history, curated entries, retire/restore. */
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge", description = "Search and curate what Vigil answers from")
@SecurityRequirement(name = "basic")
public class KnowledgeController {
  private static final int MAX_LIMIT = 200;
  private static final int MAX_IMPORT_BATCH = 2_000;

  private final KnowledgeIndex index;
  private final KnowledgeCuration curation;

  public KnowledgeController(KnowledgeIndex index, KnowledgeCuration curation) {
    this.index = index;
    this.curation = curation;
  }

  /** A curated entry to create. */
  public record NewEntry(
      @NotBlank @Size(max = KnowledgeFile.MAX_QUESTION) String question,
      @NotBlank @Size(max = KnowledgeFile.MAX_ANSWER) String answer,
      @Size(max = 200) String product,
      @Size(max = KnowledgeFile.MAX_TAGS) List<@NotBlank @Size(max = 50) String> tags,
      @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String scope,
      EntryStatus status) {}

  /** One item of an import batch (the CLI sends these). */
  public record ImportItem(String question, String answer, String product, List<String> tags, String scope) {}

  /** What an import batch did. */
  public record ImportResult(BulkResult result, List<ImportProblem> problems) {}

  @GetMapping
  @Operation(summary = "Search or list knowledge",
      description = "With q: hybrid search (BM25 + kNN fused by reciprocal rank) over global entries and the "
          + "tenant's own. Without q: entries filtered by status, scope (tenant) and kind, newest first.")
  public KnowledgeCuration.KnowledgeResults search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String tenant,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String product,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset at least 0");
    }
    EntryStatus entryStatus = status == null ? null : EntryStatus.fromWire(status);
    EntryKind entryKind = kind == null ? null : EntryKind.fromWire(kind);
    return curation.find(q, tenant, entryStatus == null ? null : Set.of(entryStatus), product, entryKind, offset,
        limit);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an entry with its version history")
  public KnowledgeCuration.EntryWithHistory get(@PathVariable String id) {
    return curation.read(id);
  }

  @PostMapping
  @Operation(summary = "Create a curated entry")
  public ResponseEntity<KnowledgeEntry> create(@Valid @RequestBody NewEntry body, Principal user) {
    KnowledgeCuration.requireWritable(body.scope(), "(new)");
    KnowledgeEntry entry = KnowledgeEntry.draft("custom-" + UUID.randomUUID(), EntryKind.CUSTOM, body.question(),
        body.answer(), blankToNull(body.product()), body.tags(), body.scope(),
        new Provenance(List.of(), List.of(), "curated by " + user.getName()),
        body.status() == null ? EntryStatus.ACTIVE : body.status())
        .withChange(EntryChange.by(user.getName(), "created", "curated entry"));
    return ResponseEntity.status(HttpStatus.CREATED).body(index.upsert(entry, 0));
  }

  @PostMapping("/{id}/retire")
  @Operation(summary = "Retire an entry (it stops being used in answers)")
  public KnowledgeEntry retire(@PathVariable String id, @RequestParam long version, Principal user) {
    return curation.retire(id, version, user.getName());
  }

  @PostMapping("/{id}/restore")
  @Operation(summary = "Restore a retired entry to its earlier status")
  public KnowledgeEntry restore(@PathVariable String id, @RequestParam long version, Principal user) {
    return curation.restore(id, version, user.getName());
  }

  @PostMapping("/{id}/approve")
  @Operation(summary = "Approve a draft (a learned entry awaiting review): it becomes active")
  public KnowledgeEntry approve(@PathVariable String id, @RequestParam long version, Principal user) {
    return curation.approve(id, version, user.getName());
  }

  @PostMapping("/{id}/revert")
  @Operation(summary = "Revert an entry to an earlier version's content",
      description = "Writes a new version whose question, answer, product, tags, scope, provenance and status are "
          + "those of `version`; nothing is lost, so a revert can itself be reverted. `expected` (optional) is the "
          + "current version the caller saw: a stale one is refused with 409.")
  public KnowledgeEntry revert(@PathVariable String id, @RequestParam long version,
      @RequestParam(required = false) Long expected, Principal user) {
    return curation.revert(id, version, expected, user.getName());
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Hard-delete an entry with its whole history (admin)",
      description = "For a secret or personal data that slipped into knowledge: the entry and every stored version "
          + "are removed from the index and its files, and an audit line records the id and scope. Retire an "
          + "entry instead when it only should stop being used.")
  public KnowledgeCuration.Deleted delete(@PathVariable String id, Principal user) {
    return curation.delete(id, user.getName());
  }

  @PostMapping("/import")
  @Operation(summary = "Import a batch of entries (idempotent)",
      description = "Used by `./vigil import --knowledge` when Vigil is running. Entries get stable ids from scope "
          + "and question, so re-importing changes nothing.")
  public ImportResult importBatch(@RequestBody List<ImportItem> items, @RequestParam String source) {
    if (items.size() > MAX_IMPORT_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_IMPORT_BATCH + " entries per batch");
    }
    List<dev.vigil.activities.knowledge.importing.ImportedItem> imported = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ImportItem item = items.get(i);
      imported.add(new dev.vigil.activities.knowledge.importing.ImportedItem(i + 1, item.question(),
          item.answer(), item.product(), item.tags() == null ? List.of() : item.tags(), item.scope()));
    }
    KnowledgeFile.Parsed parsed = KnowledgeFile.validate(imported, source);
    parsed.entries().forEach(entry -> KnowledgeCuration.requireWritable(entry.scope(), entry.id()));
    return new ImportResult(index.bulkUpsert(parsed.entries()), parsed.problems());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** No entry with that id. */
  public static class KnowledgeNotFound extends RuntimeException {
    public KnowledgeNotFound(String id) {
      super("knowledge entry " + id + " not found");
    }
  }
}
