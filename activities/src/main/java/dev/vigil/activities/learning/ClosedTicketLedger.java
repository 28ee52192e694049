package dev.vigil.activities.learning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.vigil.workflows.learning.ClosedTicket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps every closed ticket handed to learning as one JSON file under {@code <data-dir>/learning/closed-tickets}, so a
 * learning run can be inspected and re-run. Writes are atomic (temp file + move) and idempotent per closing.
 */
public class ClosedTicketLedger {
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private final Path directory;
  private final ObjectMapper json = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  public ClosedTicketLedger(Path dataDir) {
    this.directory = dataDir.resolve("learning").resolve("closed-tickets");
  }

  /** Writes the record of one closing and returns where it lies. */
  public Path write(ClosedTicket ticket) {
    Path target = pathOf(ticket.ticketWorkflowId(), ticket.closeNumber());
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempFile(directory, ".closed-ticket", ".tmp");
      try {
        json.writeValue(temp.toFile(), ticket);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record closed ticket at " + target, e);
    }
  }

  /** Reads a recorded closing back, if there is one. */
  public Optional<ClosedTicket> read(String ticketWorkflowId, int closeNumber) {
    Path path = pathOf(ticketWorkflowId, closeNumber);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(path.toFile(), ClosedTicket.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read closed ticket record " + path, e);
    }
  }

  private Path pathOf(String ticketWorkflowId, int closeNumber) {
    return directory.resolve(UNSAFE.matcher(ticketWorkflowId).replaceAll("_") + "." + closeNumber + ".json");
  }
}
