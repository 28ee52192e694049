package dev.vigil.app;

import dev.vigil.starter.WebModule;
import dev.vigil.worker.WorkerModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The embedded default ({@code ./vigil run}): the web application and the worker in one JVM, with the in-process
 * Temporal dev server and the on-disk knowledge index unless a Temporal target and Elasticsearch are configured.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WebModule.class, WorkerModule.class})
public class VigilApplication {

  public static void main(String[] args) {
    SpringApplication.run(VigilApplication.class, args);
  }
}
