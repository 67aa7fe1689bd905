package dev.owp.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden JSON files of the OWP wire contract, under {@code /golden/} on the test class path.
 *
 * <p>They ship in the {@code owp-protocol} test-jar, so the server asserts what it sends and the
 * command line what it reads against the same files. Comparisons are between parsed JSON trees:
 * field order and white space do not matter, field names, values, nulls and array order do.
 */
public final class GoldenJson {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  private GoldenJson() {}

  /** The raw text of a golden file, e.g. {@code "work-list"} or {@code "work-list.json"}. */
  public static String text(String name) {
    String path = path(name);
    try (InputStream in = GoldenJson.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + path + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden file as a JSON tree. */
  public static JsonNode read(String name) {
    return JSON.readTree(text(name));
  }

  /** The golden file read as {@code type} the way a server reads a request: strictly. */
  public static <T> T readAs(String name, Class<T> type) {
    return JSON.readValue(text(name), type);
  }

  /** Asserts that {@code value}, serialised with the OWP conventions, equals the golden file. */
  public static void assertMatches(Object value, String name) {
    assertJsonMatches(JSON.writeValueAsString(value), name);
  }

  /** Asserts that a JSON document, e.g. an HTTP response body, equals the golden file. */
  public static void assertJsonMatches(String json, String name) {
    JsonNode actual = JSON.readTree(json);
    JsonNode expected = read(name);
    assertThat(actual)
        .withFailMessage(
            "JSON does not match golden file %s%nexpected: %s%nactual:   %s",
            path(name), expected, actual)
        .isEqualTo(expected);
  }

  private static String path(String name) {
    return "/golden/" + (name.endsWith(".json") ? name : name + ".json");
  }
}
