package dev.vigil.starter;

import dev.vigil.client.ClientModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Vigil's web application as a module: webhook intake, REST API, analyst UI, status page, live pages and security,
 * over the shared client configuration. It talks to workflows through a {@code WorkflowClient} only; the worker is
 * somebody else's process, or, in the embedded assembly, a module beside this one.
 */
@Configuration(proxyBeanMethods = false)
@Import(ClientModule.class)
@ComponentScan(basePackageClasses = WebModule.class,
    excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@ConfigurationPropertiesScan(basePackageClasses = WebModule.class)
public class WebModule {}
