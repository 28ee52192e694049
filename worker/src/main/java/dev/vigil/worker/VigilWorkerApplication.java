package dev.vigil.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The worker as its own process ({@code ./vigil worker}), for deployments that scale workers apart from the API. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WorkerModule.class)
public class VigilWorkerApplication {

  public static void main(String[] args) {
    SpringApplication.run(VigilWorkerApplication.class, args);
  }
}
