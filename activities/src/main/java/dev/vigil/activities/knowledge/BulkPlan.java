package dev.vigil.activities.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bulk upsert must write, decided the same way by every index: entries whose content differs from the stored
 * version (or that are new) become their next version; identical ones are left alone; an id given twice is refused.
 *
 * @param toWrite the versions to store, in input order
 * @param previous the stored version each written entry replaces (absent for new entries)
 */
public record BulkPlan(List<KnowledgeEntry> toWrite, Map<String, KnowledgeEntry> previous, int unchanged,
    List<String> failures) {

  public static BulkPlan of(List<KnowledgeEntry> entries, Map<String, KnowledgeEntry> stored, Instant now) {
    List<KnowledgeEntry> toWrite = new ArrayList<>();
    Map<String, KnowledgeEntry> previous = new java.util.HashMap<>();
    List<String> failures = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int unchanged = 0;
    for (KnowledgeEntry entry : entries) {
      if (!seen.add(entry.id())) {
        failures.add(entry.id() + ": appears twice in one batch");
        continue;
      }
      KnowledgeEntry current = stored.get(entry.id());
      if (current != null && current.sameContentAs(entry)) {
        unchanged++;
        continue;
      }
      toWrite.add(entry.nextVersionOf(current, now));
      if (current != null) {
        previous.put(entry.id(), current);
      }
    }
    return new BulkPlan(toWrite, previous, unchanged, failures);
  }
}
