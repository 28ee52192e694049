package dev.vigil.activities.connector;

import dev.vigil.workflows.ticket.TicketEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ticket changes Vigil wrote into each ticketing system, so the webhook that reports them back is recognised as
 * their echo and not applied a second time. Per ticket and {@link StateField}, the values the system's webhook will
 * report for Vigil's last write (more than one where the system has fewer levels than Vigil: Zammad's {@code 3 high}
 * stands for P1 and P2).
 *
 * <p>An inbound change that matches is an echo, and the expectation stays: Zammad reports the ticket's whole state
 * with every delivery, so the same value comes again. An inbound change to another value means a person changed the
 * field in the system: the expectation is dropped, and from then on every change of that field is theirs. Recorded
 * before the vendor is called (an echo can overtake the API's answer) and dropped when the vendor refuses the write.
 *
 * <p>Kept in memory and appended to a file, so it survives restarts; the intake and the outbound activity must see
 * the same ledger (one process, or a shared data directory). Bounded: the tickets written to longest ago are
 * forgotten first.
 */
public final class StateWrites {
  private static final int DEFAULT_CAPACITY = 100_000;

  private final Path file;
  private final int capacity;
  private final Map<String, List<String>> expected = new LinkedHashMap<>();
  private int lines;

  /** {@code file} null keeps the ledger in memory only (tests). */
  public StateWrites(Path file) {
    this(file, DEFAULT_CAPACITY);
  }

  StateWrites(Path file, int capacity) {
    this.file = file;
    this.capacity = capacity;
    if (file != null && Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t", -1);
          if (parts.length >= 3) {
            remember(parts[0] + "\t" + parts[1] + "\t" + parts[2],
                Arrays.stream(parts, 3, parts.length).filter(v -> !v.isEmpty()).toList());
            lines++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the state-writes ledger " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Vigil is about to write {@code field}; the system's webhook will report it as one of {@code values}. */
  public void expect(String source, String ticketId, StateField field, Set<String> values) {
    List<String> clean = values.stream().map(StateWrites::clean).sorted().toList();
    store(key(source, ticketId, field), clean);
  }

  /** The system refused Vigil's write of {@code field}: nothing of it will come back. */
  public void forget(String source, String ticketId, StateField field) {
    store(key(source, ticketId, field), List.of());
  }

  /**
   * True when {@code event}, delivered by {@code source}'s webhook, reports what Vigil itself wrote; an event that
   * reports another value of a field Vigil wrote ends that expectation (a person changed it in the system).
   */
  public boolean isEcho(String source, TicketEvent event) {
    StateField field = StateField.of(event.type());
    if (field == null) {
      return false;
    }
    String key = key(source, event.ticketId(), field);
    String value = field.reportedBy(event);
    synchronized (this) {
      List<String> values = expected.get(key);
      if (values == null) {
        return false;
      }
      if (value != null && values.contains(clean(value))) {
        return true;
      }
    }
    store(key, List.of());
    return false;
  }

  private synchronized void store(String key, List<String> values) {
    List<String> before = expected.get(key);
    if (values.isEmpty() ? before == null : values.equals(before)) {
      return;
    }
    remember(key, values);
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        out.write(line(key, values));
        out.newLine();
      }
      lines++;
      if (lines > 2 * expected.size() + 1_000) {
        compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state-writes ledger " + file + ": " + e.getMessage(), e);
    }
  }

  private void remember(String key, List<String> values) {
    expected.remove(key); // re-inserted last: the bound forgets the tickets written to longest ago
    if (!values.isEmpty()) {
      expected.put(key, values);
    }
    Iterator<String> oldest = expected.keySet().iterator();
    while (expected.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
  }

  /** Rewrites the file with what is remembered, so it does not grow without bound. */
  private void compact() throws IOException {
    List<String> out = new ArrayList<>();
    expected.forEach((key, values) -> out.add(line(key, values)));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, out, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    lines = out.size();
  }

  private static String line(String key, List<String> values) {
    return values.isEmpty() ? key : key + "\t" + String.join("\t", values);
  }

  private static String key(String source, String ticketId, StateField field) {
    return clean(source) + "\t" + clean(ticketId) + "\t" + field.name();
  }

  /** Ids never hold tabs or line breaks; the file's columns must not either. */
  private static String clean(String value) {
    return value.replaceAll("[\\t\\r\\n]", " ");
  }
}
