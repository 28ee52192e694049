package dev.vigil.activities.connector;

import dev.vigil.workflows.notify.EchoDigest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Vigil itself posted into each ticketing system, so the webhook that echoes it back is recognised and never
 * applied or answered a second time. Two keys per post: the comment id the vendor's API returned, and a digest of the
 * text (recorded before the post, so an echo that overtakes the API's answer is recognised too).
 *
 * <p>Kept in memory and appended to a file, so it survives restarts; the intake and the outbound activity must see
 * the same file (one process, or a shared data directory). Bounded: the oldest entries are forgotten first, long
 * after their echo could arrive.
 */
public final class SentComments {
  private static final int DEFAULT_CAPACITY = 200_000;

  private final Path file;
  private final int capacity;
  private final Set<String> keys = new LinkedHashSet<>();
  private final Map<String, String> posted = new HashMap<>();

  /** {@code file} null keeps the ledger in memory only (tests, or a process that never posts). */
  public SentComments(Path file) {
    this(file, DEFAULT_CAPACITY);
  }

  SentComments(Path file, int capacity) {
    this.file = file;
    this.capacity = capacity;
    if (file != null && Files.exists(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            remember(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sent-comments ledger " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Records a comment id the vendor returned for Vigil's post on {@code ticketId}. */
  public void recordId(String source, String ticketId, String commentId) {
    add(key(source, ticketId, "id", commentId));
  }

  /** Records the text Vigil is about to post on {@code ticketId}. */
  public void recordText(String source, String ticketId, String text) {
    add(key(source, ticketId, "text", digest(text)));
  }

  /** Records that the message with {@code idempotencyKey} became {@code commentId}. */
  public void recordKey(String source, String idempotencyKey, String commentId) {
    add(key(source, "", "key", idempotencyKey + "\t" + commentId));
    synchronized (this) {
      posted.put(source + "\t" + idempotencyKey, commentId);
    }
  }

  /** The comment a message already became, or null when it has not been posted yet. */
  public synchronized String commentFor(String source, String idempotencyKey) {
    return posted.get(source + "\t" + idempotencyKey);
  }

  /** True when {@code commentId} on the ticket, or a comment with this text, was posted by Vigil. */
  public synchronized boolean isOwn(String source, String ticketId, String commentId, String text) {
    return (commentId != null && keys.contains(key(source, ticketId, "id", commentId)))
        || (text != null && keys.contains(key(source, ticketId, "text", digest(text))));
  }

  private synchronized void add(String key) {
    if (!remember(key) || file == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        out.write(key);
        out.newLine();
      }
      if (keys.size() == capacity) {
        compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sent-comments ledger " + file + ": " + e.getMessage(), e);
    }
  }

  private boolean remember(String key) {
    if (!keys.add(key)) {
      return false;
    }
    String[] parts = key.split("\t");
    if (parts.length == 5 && parts[2].equals("key")) {
      posted.put(parts[0] + "\t" + parts[3], parts[4]);
    }
    if (keys.size() > capacity) {
      String oldest = keys.iterator().next();
      keys.remove(oldest);
      String[] old = oldest.split("\t");
      if (old.length == 5 && old[2].equals("key")) {
        posted.remove(old[0] + "\t" + old[3]);
      }
    }
    return true;
  }

  /** Rewrites the file with what is remembered, so it does not grow without bound. */
  private void compact() throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, List.copyOf(keys), StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String key(String source, String ticketId, String kind, String value) {
    return source + "\t" + ticketId + "\t" + kind + "\t" + value;
  }

  /** The digest of a text as the vendor might render it back (see {@link EchoDigest}). */
  static String digest(String text) {
    return EchoDigest.of(text);
  }
}
