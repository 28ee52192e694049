package dev.vigil.starter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The web application as its own process ({@code ./vigil starter}, the starter image), against a Temporal cluster
 * ({@code VIGIL_TEMPORAL_TARGET}) whose workers run elsewhere.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebModule.class)
public class VigilWebApplication {

  public static void main(String[] args) {
    SpringApplication.run(VigilWebApplication.class, args);
  }
}
