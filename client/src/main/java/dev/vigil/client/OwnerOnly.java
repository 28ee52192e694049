package dev.vigil.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Keeps Vigil's secrets readable by its own user alone: the data directory 0700, secret files 0600, applied at every
 * start (not only when created), so a directory or file loosened since — or made by an older version — is
 * tightened again. On a file system without POSIX permissions nothing can be done and nothing is.
 */
public final class OwnerOnly {
  private OwnerOnly() {}

  /** Creates {@code dir} if needed and makes it 0700. */
  public static void directory(Path dir) {
    try {
      Files.createDirectories(dir);
      set(dir, "rwx------");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or secure " + dir, e);
    }
  }

  /** Makes an existing {@code file} 0600. */
  public static void file(Path file) {
    try {
      set(file, "rw-------");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot secure " + file, e);
    }
  }

  private static void set(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
  }
}
