package dev.vigil.tools.cli;

import dev.vigil.activities.knowledge.BulkResult;
import dev.vigil.activities.knowledge.KnowledgeEntry;
import java.util.List;

/** Where imported entries go: the running Vigil's API, or the knowledge index opened directly. */
interface KnowledgeImporter extends AutoCloseable {

  /** Writes one batch of validated entries; returns what was written, left unchanged, and failures. */
  BulkResult write(List<KnowledgeEntry> batch, String source);

  /** A sentence naming the destination, for the summary. */
  String destination();

  @Override
  void close();
}
