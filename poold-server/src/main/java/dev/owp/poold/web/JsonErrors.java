package dev.owp.poold.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's errors about a request body into one sentence a user can act on, naming the field
 * by its JSON path, e.g. {@code tasks[3]: title must be 1 to 300 characters}.
 */
final class JsonErrors {

  private JsonErrors() {}

  /** True when the body was not well-formed JSON, as opposed to JSON of the wrong shape. */
  static boolean isMalformed(JacksonException e) {
    return e instanceof StreamReadException && !(e instanceof MismatchedInputException);
  }

  /** The sentence describing {@code e}. */
  static String describe(JacksonException e) {
    if (isMalformed(e)) {
      return "Malformed JSON: " + firstLine(e.getOriginalMessage()) + at(e.getLocation());
    }
    IllegalArgumentException refusal = refusal(e);
    if (refusal != null) {
      return prefixed(e.getPath(), refusal.getMessage());
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      // The path ends with the unknown field itself; name it once.
      List<JacksonException.Reference> path = e.getPath();
      return prefixed(
          path.subList(0, Math.max(0, path.size() - 1)),
          "unknown field '" + unknown.getPropertyName() + "'");
    }
    if (e instanceof InvalidNullException) {
      return prefixed(e.getPath(), "must not be null");
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return prefixed(e.getPath(), "expected " + shapeOf(mismatch.getTargetType()));
    }
    return prefixed(e.getPath(), firstLine(e.getOriginalMessage()));
  }

  /** A record's compact constructor refused a value: its message names the field already. */
  private static @Nullable IllegalArgumentException refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException iae && iae.getMessage() != null) {
        return iae;
      }
    }
    return null;
  }

  /**
   * Prefixes {@code message} with the JSON path of the value, e.g. {@code artifact: pr_url must be
   * …} or {@code tasks[3]: title must be …}. A message that already starts with the last field's
   * name ({@code lease_id must be …}) is not prefixed with it twice.
   */
  private static String prefixed(List<JacksonException.Reference> path, String message) {
    List<JacksonException.Reference> prefix = path;
    if (!path.isEmpty()) {
      String last = path.get(path.size() - 1).getPropertyName();
      if (last != null && message.startsWith(last + " ")) {
        prefix = path.subList(0, path.size() - 1);
      }
    }
    String where = pathText(prefix);
    return where.isEmpty() ? message : where + ": " + message;
  }

  private static String pathText(List<JacksonException.Reference> path) {
    StringBuilder text = new StringBuilder();
    for (JacksonException.Reference ref : path) {
      if (ref.getPropertyName() != null) {
        text.append(text.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        text.append('[').append(ref.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  private static String shapeOf(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      return "a JSON object";
    }
    return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable value";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String at(@Nullable TokenStreamLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
