package dev.owp.poold.storage;

import dev.owp.protocol.json.OwpJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON stored in TEXT columns: skill lists, artifacts and event details, in compact form. */
public final class JsonColumns {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private JsonColumns() {}

  /**
   * The column text of any value. Written as bytes, through the same kind of generator as every
   * HTTP answer: with a second kind (the one a {@code String} gets), Jackson's shared serializer
   * methods saw both, and the JIT compiled each with both inlined. That one compilation, of the
   * list serializer, took some 90 MB of compiler memory for seconds and set poold's peak resident
   * memory.
   */
  public static String write(Object value) {
    return new String(JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
  }

  /** The column text of a nullable value. */
  public static @Nullable String writeNullable(@Nullable Object value) {
    return value == null ? null : write(value);
  }

  /** Reads a list of strings. */
  public static List<String> strings(String text) {
    return JSON.readValue(text, STRINGS);
  }

  /** Reads a JSON object. */
  public static Map<String, Object> object(String text) {
    return JSON.readValue(text, OBJECT);
  }

  /** Reads a value of {@code type}, or null when the column is null. */
  public static <T> @Nullable T read(@Nullable String text, Class<T> type) {
    return text == null ? null : JSON.readValue(text, type);
  }
}
