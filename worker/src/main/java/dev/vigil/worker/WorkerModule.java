package dev.vigil.worker;

import dev.vigil.client.ClientModule;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything the worker needs beyond the shared client configuration: the embedded dev server when no Temporal target
 * is set, search-attribute registration, and the worker hosting Vigil's workflows and activities. The embedded
 * one-JVM assembly imports it beside the web application.
 */
@Configuration(proxyBeanMethods = false)
@Import(ClientModule.class)
@ComponentScan(basePackageClasses = {dev.vigil.worker.temporal.EmbeddedTemporalServer.class,
    dev.vigil.worker.runtime.WorkerProperties.class})
@ConfigurationPropertiesScan(basePackageClasses = WorkerModule.class)
public class WorkerModule {}
