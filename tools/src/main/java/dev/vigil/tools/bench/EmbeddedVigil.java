package dev.vigil.tools.bench;

import dev.vigil.app.VigilApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Vigil embedded in the benchmark's own process: web app, worker, in-process dev server, Lucene, no LLM. */
final class EmbeddedVigil {
  static final String SECRET = "bench-webhook-secret";

  private EmbeddedVigil() {}

  /** Starts Vigil on free ports under {@code work}; {@code settings} are more {@code --name=value} arguments. */
  static ConfigurableApplicationContext start(Path work, String... settings) {
    List<String> args = new ArrayList<>(List.of(
        // as command-line arguments: they win over the environment and the defaults files
        "--server.port=0", "--vigil.data-dir=" + work, "--vigil.temporal.dev-port=0",
        "--vigil.temporal.target=", "--vigil.knowledge.elasticsearch-url=", "--vigil.llm.provider=none",
        "--vigil.webhook.secret=" + SECRET, "--vigil.security.admin-password=bench-" + UUID.randomUUID(),
        "--vigil.outbound.url=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
        "--logging.level.dev.vigil=WARN"));
    args.addAll(List.of(settings));
    return new SpringApplicationBuilder(VigilApplication.class).run(args.toArray(String[]::new));
  }
}
