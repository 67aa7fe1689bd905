package dev.owp.poold.config;

import dev.owp.protocol.json.OwpJson;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The API's JSON: OWP's conventions from the protocol module (snake_case, strict about unknown
 * fields) on Spring's mapper, and the same naming in the OpenAPI description.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  JsonMapperBuilderCustomizer owpJsonConventions() {
    return builder -> OwpJson.configure(builder, OwpJson.Strictness.STRICT);
  }

  /** springdoc reads schemas with Jackson 2; tell it about snake_case too. */
  @Bean
  ModelResolver snakeCaseModelResolver() {
    return new ModelResolver(
        io.swagger.v3.core.util.Json.mapper()
            .copy()
            .setPropertyNamingStrategy(
                com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
  }

  @Bean
  OpenAPI owpOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("OWP Pool API")
                .version("v1")
                .description(
                    "The Open Work Protocol as poold implements it. Workers authenticate with "
                        + "Authorization: Bearer <token>; admin endpoints need X-Admin-Token. "
                        + "Errors are RFC 9457 problem details. See docs/owp-spec.md."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "worker", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSecuritySchemes(
                    "admin",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-Admin-Token")));
  }
}
