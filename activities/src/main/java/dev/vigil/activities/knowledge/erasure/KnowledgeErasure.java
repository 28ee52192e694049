package dev.vigil.activities.knowledge.erasure;

import dev.vigil.activities.knowledge.EntryChange;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import dev.vigil.activities.knowledge.KnowledgeIndex;
import dev.vigil.activities.knowledge.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a customer's tickets from the knowledge index: entries learned only from those tickets are hard-deleted
 * with their whole history; entries that other tickets (or an import) also stand behind keep their content, and every
 * stored version loses the erased tickets from its provenance and its audit line.
 *
 * <p>Learned entries are redacted, generic question–answer pairs, but an entry learned from one customer's case
 * alone is still that case: it goes. Knowledge confirmed by other cases belongs to those cases as well; only the
 * link to the erased customer goes.
 */
public final class KnowledgeErasure {
  /** What stands in for an erased ticket in an audit line. */
  static final String ERASED = "an erased ticket";

  private final KnowledgeIndex index;

  public KnowledgeErasure(KnowledgeIndex index) {
    this.index = index;
  }

  /** What erasure did to knowledge: ids of deleted entries, ids of entries whose provenance was scrubbed. */
  public record Result(List<String> deleted, List<String> scrubbed) {
    public Result {
      deleted = List.copyOf(deleted);
      scrubbed = List.copyOf(scrubbed);
    }
  }

  /** Erases {@code tickets} from knowledge. Idempotent: a second run finds nothing left to do. */
  public Result erase(ErasedTickets tickets) {
    List<String> deleted = new ArrayList<>();
    List<String> scrubbed = new ArrayList<>();
    if (tickets.isEmpty()) {
      return new Result(deleted, scrubbed);
    }
    for (String id : index.idsLearnedFrom(tickets.ticketIds())) {
      List<KnowledgeEntry> versions = index.history(id);
      if (versions.isEmpty() || !inTenantsReach(versions.get(versions.size() - 1), tickets.tenant())) {
        continue; // another tenant's entry naming a ticket with the same id at another source
      }
      if (onlyFrom(versions, tickets)) {
        index.delete(id);
        deleted.add(id);
      } else {
        index.rewriteVersions(id, version -> scrub(version, tickets));
        scrubbed.add(id);
      }
    }
    return new Result(deleted, scrubbed);
  }

  private static boolean inTenantsReach(KnowledgeEntry entry, String tenant) {
    return tenant == null || entry.scope().equals(KnowledgeEntry.GLOBAL) || entry.scope().equals(tenant);
  }

  /** No version was imported or names a ticket outside the erased ones. */
  private static boolean onlyFrom(List<KnowledgeEntry> versions, ErasedTickets tickets) {
    return versions.stream().map(KnowledgeEntry::provenance).allMatch(p -> p.importSource() == null
        && tickets.ticketIds().containsAll(p.ticketIds()));
  }

  /** {@code version} without the erased tickets in its provenance and audit line. */
  static KnowledgeEntry scrub(KnowledgeEntry version, ErasedTickets tickets) {
    Provenance p = version.provenance();
    Provenance kept = new Provenance(
        p.ticketIds().stream().filter(t -> !tickets.ticketIds().contains(t)).toList(),
        p.messageIds().stream().filter(m -> !tickets.messageIds().contains(m)).toList(),
        p.importSource());
    EntryChange change = version.change();
    EntryChange scrubbedChange = change == null ? null : new EntryChange(change.action(),
        scrubText(change.reason(), tickets), change.actor(), scrubReference(change.ref(), tickets));
    return version.withProvenance(kept).withChange(scrubbedChange);
  }

  private static String scrubText(String text, ErasedTickets tickets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String workflowId : tickets.workflowIds()) {
      result = result.replace(workflowId, ERASED);
    }
    for (String ticketId : tickets.ticketIds()) {
      result = Pattern.compile("\\bticket " + Pattern.quote(ticketId) + "(?![\\w-])")
          .matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
    }
    return result;
  }

  /** Learning's idempotency references start with the ticket's workflow id: that part goes. */
  private static String scrubReference(String ref, ErasedTickets tickets) {
    if (ref == null) {
      return null;
    }
    String result = ref;
    for (String workflowId : tickets.workflowIds()) {
      result = result.replace(workflowId, "erased");
    }
    return result;
  }
}
