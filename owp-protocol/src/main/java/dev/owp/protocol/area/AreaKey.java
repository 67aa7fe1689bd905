package dev.owp.protocol.area;

import dev.owp.protocol.Require;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The area a task touches, e.g. {@code auth} or {@code docs}: the key of an area lock.
 *
 * <p>Areas are compared after trimming and lower-casing, on both sides of every comparison, so
 * {@code " Auth"} and {@code "auth"} lock each other. (The original compared a trimmed value with
 * an untrimmed one, and an area with surrounding spaces never locked against itself.)
 */
public record AreaKey(String value) {

  /** Longest area accepted, in characters. */
  public static final int MAX_LENGTH = 120;

  /** Rejects values that are not already normalised; use {@link #parse} for user input. */
  public AreaKey {
    Require.text("area", value, 1, MAX_LENGTH);
    if (!value.equals(normalise(value))) {
      throw new IllegalArgumentException("area must be trimmed and lower-case: '" + value + "'");
    }
  }

  /**
   * The area of user input: trimmed and lower-cased, or empty when the input is null or blank.
   *
   * @throws IllegalArgumentException when the area is longer than {@value #MAX_LENGTH} characters
   */
  public static Optional<AreaKey> parse(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String normalised = normalise(raw);
    Require.text("area", normalised, 1, MAX_LENGTH);
    return Optional.of(new AreaKey(normalised));
  }

  /** The normalised area text of user input, or null when there is none. */
  public static @Nullable String normaliseOrNull(@Nullable String raw) {
    return parse(raw).map(AreaKey::value).orElse(null);
  }

  private static String normalise(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
