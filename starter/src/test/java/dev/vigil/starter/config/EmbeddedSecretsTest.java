package dev.vigil.starter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Generated secrets are printed once, and the data directory and secrets file are owner-only at every start. */
class EmbeddedSecretsTest {
  @TempDir
  Path dir;

  private String start(Path data) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("vigil.data-dir",
        data.toString(), "vigil.temporal.target", "", "vigil.webhook.secret", "", "vigil.security.admin-password",
        "")));
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      new EmbeddedSecrets().postProcessEnvironment(environment, new SpringApplication());
    } finally {
      System.setOut(original);
    }
    assertThat(environment.getProperty("vigil.webhook.secret")).isNotBlank();
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void secretsArePrintedWhenGenerated_notAtLaterStarts() throws Exception {
    Path data = dir.resolve("data");
    String first = start(data);
    String stored = Files.readString(data.resolve(EmbeddedSecrets.FILE_NAME));
    String password = stored.lines().filter(l -> l.startsWith(EmbeddedSecrets.ADMIN_PASSWORD)).findFirst()
        .orElseThrow().substring(EmbeddedSecrets.ADMIN_PASSWORD.length() + 1);
    assertThat(first).contains("Vigil generated", password);

    String second = start(data);
    assertThat(second).doesNotContain(password).contains("not printed again");
  }

  @Test
  void anExistingLooseDataDirAndSecretsFileAreTightened() throws Exception {
    Path data = dir.resolve("data");
    start(data);
    Path file = data.resolve(EmbeddedSecrets.FILE_NAME);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

    start(data);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
  }
}
