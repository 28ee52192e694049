package dev.vigil.tools.cli;

import java.nio.file.Path;

/** What the tools read from Vigil's environment: the same VIGIL_* variables the application reads. */
final class CliEnvironment {
  private CliEnvironment() {}

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Vigil's data directory ({@code VIGIL_DATA_DIR}, default {@code ./data}). */
  static Path dataDir() {
    return Path.of(env("VIGIL_DATA_DIR", "./data"));
  }

  /** Where a running Vigil answers ({@code VIGIL_URL}, else {@code http://127.0.0.1:VIGIL_PORT}). */
  static String vigilUrl() {
    return env("VIGIL_URL", "http://127.0.0.1:" + env("VIGIL_PORT", "8080"));
  }

  /** Long runs report progress themselves; per-workflow logs of thousands of replayed threads would bury it. */
  static void quietLogs() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback.getLogger("io.temporal").setLevel(ch.qos.logback.classic.Level.ERROR);
      logback.getLogger("dev.vigil").setLevel(ch.qos.logback.classic.Level.WARN);
      logback.getLogger("ai.djl").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }
}
