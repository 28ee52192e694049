package dev.vigil.starter;

import dev.vigil.starter.cli.VigilCli;
import dev.vigil.worker.WorkerModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Vigil's web application: webhook intake and REST API. In the embedded default it also hosts the worker and the
 * in-process Temporal dev server ({@code ./vigil run}); with {@code VIGIL_WORKER_ENABLED=false} it only talks to
 * workflows ({@code ./vigil starter}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(WorkerModule.class)
public class VigilApplication {

  public static void main(String[] args) {
    if (VigilCli.isCommand(args)) {
      VigilCli.main(args);
      return;
    }
    SpringApplication.run(VigilApplication.class, args);
  }
}
