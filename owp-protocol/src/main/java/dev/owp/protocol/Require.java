package dev.owp.protocol;

import java.util.Collection;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Structural checks used by the compact constructors of wire records, so that the server and every
 * client reject the same bad values with the same words.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message starts with the wire name
 * of the field, e.g. {@code "title must be 1 to 300 characters"}. The server turns it into a 400
 * problem with that message as {@code detail}.
 */
public final class Require {

  private Require() {}

  /** The value, which must be present. */
  public static <T> T present(String field, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  /** The text, which must be present and between {@code min} and {@code max} characters long. */
  public static String text(String field, @Nullable String value, int min, int max) {
    present(field, value);
    if (value.length() < min || value.length() > max) {
      throw new IllegalArgumentException(
          field
              + (min > 0 ? " must be " + min + " to " : " must be at most ")
              + max
              + " characters");
    }
    if (min > 0 && value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** The text if present, which must then be at most {@code max} characters long. */
  public static @Nullable String optionalText(String field, @Nullable String value, int max) {
    return value == null ? null : text(field, value, 0, max);
  }

  /** The text, which must match {@code pattern}; {@code shape} describes it for the message. */
  public static String matches(String field, String value, Pattern pattern, String shape) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " must be " + shape);
    }
    return value;
  }

  /** The number, which must lie in {@code [min, max]}. */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
    }
    return value;
  }

  /** The collection, which must hold at most {@code max} items. */
  public static <C extends Collection<?>> C size(String field, C value, int max) {
    if (value.size() > max) {
      throw new IllegalArgumentException(field + " must have at most " + max + " items");
    }
    return value;
  }
}
