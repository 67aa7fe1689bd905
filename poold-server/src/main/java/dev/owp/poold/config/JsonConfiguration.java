package dev.owp.poold.config;

import dev.owp.protocol.json.OwpJson;
import io.swagger.v3.core.jackson.ModelResolver;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The API's JSON: OWP's conventions from the protocol module (snake_case, strict about unknown
 * fields) on Spring's mapper, and the same naming in the OpenAPI description ({@link
 * ApiDocsConfiguration}).
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
}
