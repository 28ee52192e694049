package dev.vigil.client;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * What every Vigil process needs to reach its services: the Temporal client (dialling a cluster, or the embedded dev
 * server when the process runs one) and the knowledge index with its embedding model. Settings in
 * {@code vigil-client.yml}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ClientModule.class)
@ConfigurationPropertiesScan(basePackageClasses = ClientModule.class)
public class ClientModule {}
