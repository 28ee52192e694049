package dev.vigil.worker;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the worker process needs: the Temporal connection (or the embedded dev server), the knowledge index
 * and the worker hosting Vigil's workflows and activities. The starter imports it too, for the embedded one-JVM mode.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = {dev.vigil.worker.temporal.TemporalProperties.class,
    dev.vigil.worker.runtime.WorkerProperties.class, dev.vigil.worker.knowledge.KnowledgeProperties.class})
@ConfigurationPropertiesScan(basePackageClasses = WorkerModule.class)
public class WorkerModule {}
