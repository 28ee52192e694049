package dev.vigil.activities.knowledge;

import java.util.List;

/** What a bulk upsert did: entries written (new or changed), left alone because unchanged, and rejected. */
public record BulkResult(int written, int unchanged, List<String> failures) {
  public BulkResult {
    failures = List.copyOf(failures);
  }
}
