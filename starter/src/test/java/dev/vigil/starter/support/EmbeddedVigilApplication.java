package dev.vigil.starter.support;

import dev.vigil.starter.WebModule;
import dev.vigil.worker.WorkerModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The embedded assembly as the web application's tests boot it: the web module and the worker in one context, like
 * {@code ./vigil run} (the app module cannot be a dependency of the module it assembles).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WebModule.class, WorkerModule.class})
public class EmbeddedVigilApplication {}
