package dev.owp.protocol.json;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON conventions of OWP, set in one place for every process: field names in snake_case
 * ({@code max_open_prs}), timestamps as {@link WireTime} strings, nulls written out (v0.1 clients
 * index fields such as {@code area} directly).
 *
 * <p>A server is strict about what it accepts: unknown fields and nulls for numbers are errors, so
 * a typo never silently becomes a default. A client is lenient: newer servers may add fields.
 */
public final class OwpJson {

  private OwpJson() {}

  /** Whether unknown fields are refused. */
  public enum Strictness {
    /** Refuse unknown fields: for servers reading requests. */
    STRICT,
    /** Ignore unknown fields: for clients reading responses. */
    LENIENT
  }

  /** Applies the OWP conventions to a mapper builder (the server customises Spring's with it). */
  public static JsonMapper.Builder configure(JsonMapper.Builder builder, Strictness strictness) {
    return builder
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(timeModule())
        .configure(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strictness == Strictness.STRICT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** A new mapper with the OWP conventions. */
  public static JsonMapper mapper(Strictness strictness) {
    return configure(JsonMapper.builder(), strictness).build();
  }

  private static SimpleModule timeModule() {
    return new SimpleModule("owp-wire-time")
        .addSerializer(
            Instant.class,
            new ValueSerializer<Instant>() {
              @Override
              public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(WireTime.format(value));
              }
            })
        .addDeserializer(
            Instant.class,
            new ValueDeserializer<Instant>() {
              @Override
              public Instant deserialize(JsonParser parser, DeserializationContext ctxt) {
                String text = parser.getValueAsString();
                if (text == null) {
                  throw new IllegalArgumentException("expected a timestamp string");
                }
                return WireTime.parse(text);
              }
            });
  }
}
