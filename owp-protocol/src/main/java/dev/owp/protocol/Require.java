package dev.owp.protocol;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Structural checks used by the compact constructors of wire records, so that the server and every
 * client reject the same bad values with the same words.
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message starts with the wire name
 * of the field, e.g. {@code "title must be 1 to 300 characters"}. The server turns it into a 400
 * problem with that message as {@code detail}.
 *
 * <p>Text never contains C0 control characters (U+0000 to U+001F) other than tab, line feed and
 * carriage return: they have no place in names, notes or titles, and PostgreSQL cannot store U+0000
 * at all, so refusing them here makes every database accept the same requests.
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
    return noControlCharacters(field, value);
  }

  /**
   * The text, which must not contain C0 control characters other than tab, line feed and carriage
   * return, e.g. {@code "note must not contain control characters (found U+0000)"}.
   */
  public static String noControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isControlCharacter(c)) {
        throw new IllegalArgumentException(
            field
                + " must not contain control characters (found U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + ")");
      }
    }
    return value;
  }

  /**
   * {@code text} with the control characters {@link #noControlCharacters} refuses left out: for
   * text from elsewhere (a GitHub issue, a tool's output) that is kept rather than refused.
   */
  public static String withoutControlCharacters(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isControlCharacter(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** A C0 control character other than tab, line feed and carriage return. */
  private static boolean isControlCharacter(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
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
