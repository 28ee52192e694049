package dev.vigil.starter.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (and Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI vigilOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Vigil API")
            .version("v1")
            .description("Ticket events in (signed webhook), tickets and analyst actions (HTTP Basic)."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}
