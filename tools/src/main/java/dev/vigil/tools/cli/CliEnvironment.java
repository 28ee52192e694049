package dev.vigil.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

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

  /** The admin's password for a running Vigil's API: VIGIL_ADMIN_PASSWORD, else the embedded mode's generated one. */
  static String adminPassword() {
    String password = System.getenv("VIGIL_ADMIN_PASSWORD");
    if (password != null && !password.isBlank()) {
      return password;
    }
    Path generated = dataDir().resolve("generated-secrets.properties");
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(generated)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("set VIGIL_ADMIN_PASSWORD to use the running Vigil's API");
    }
    return properties.getProperty("vigil.security.admin-password");
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
