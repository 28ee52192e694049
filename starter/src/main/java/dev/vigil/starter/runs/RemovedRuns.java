package dev.vigil.starter.runs;

import dev.vigil.client.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs removed on the in-process dev server, which implements no deletion: one line {@code <workflowId>\t<runId>}
 * per run, appended to a file in the data directory (owner-only), so a restarted web application still hides them.
 * Run ids are unique, so a ticket started again under the same id after its erasure is visible.
 */
public final class RemovedRuns {
  private final Path file;
  private final Map<String, Set<String>> runsByWorkflow = new HashMap<>();

  public RemovedRuns(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int tab = line.indexOf('\t');
          if (tab > 0) {
            runsByWorkflow.computeIfAbsent(line.substring(0, tab), k -> new HashSet<>()).add(line.substring(tab + 1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  public synchronized void add(String workflowId, List<String> runIds) {
    StringBuilder lines = new StringBuilder();
    for (String runId : runIds) {
      if (runsByWorkflow.computeIfAbsent(workflowId, k -> new HashSet<>()).add(runId)) {
        lines.append(workflowId).append('\t').append(runId).append('\n');
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    try {
      OwnerOnly.directory(file.getParent());
      Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      OwnerOnly.file(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record removed runs in " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized boolean contains(String workflowId, String runId) {
    return runsByWorkflow.getOrDefault(workflowId, Set.of()).contains(runId);
  }

  public synchronized boolean knows(String workflowId) {
    return runsByWorkflow.containsKey(workflowId);
  }
}
