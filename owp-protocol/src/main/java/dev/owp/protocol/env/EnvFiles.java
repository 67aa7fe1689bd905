package dev.owp.protocol.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code KEY=value} files such as {@code env.local} and {@code .env}.
 *
 * <p>Every file found is read and they are merged: a key from an earlier file wins over the same
 * key from a later one, and real environment variables win over all files. The default order is
 * {@code $OWP_ENV_FILE} (when set), then {@code env.local}, then {@code .env}. (The original read
 * only the first file it found, {@code .env} before {@code env.local}.)
 *
 * <p>Syntax: blank lines and lines starting with {@code #} are skipped; a line may start with
 * {@code export}; values may be single-quoted (taken literally), double-quoted (with {@code \n},
 * {@code \"} and {@code \\} escapes) or bare, where a {@code #} after whitespace starts a comment.
 */
public final class EnvFiles {

  /** The file names looked for in the working directory, earlier winning. */
  public static final List<String> DEFAULT_NAMES = List.of("env.local", ".env");

  private static final Pattern LINE =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$");

  private EnvFiles() {}

  /**
   * The variables of the env files for a process started in {@code workingDir}, not including the
   * real environment.
   *
   * @param explicitFile the value of {@code OWP_ENV_FILE}, or null; a named file must exist
   * @throws UncheckedIOException when a file exists but cannot be read, or the explicit one is
   *     missing
   */
  public static Map<String, String> load(Path workingDir, @Nullable String explicitFile) {
    List<Path> files = new ArrayList<>();
    if (explicitFile != null && !explicitFile.isBlank()) {
      Path explicit = workingDir.resolve(explicitFile);
      if (!Files.isRegularFile(explicit)) {
        String message = "OWP_ENV_FILE names " + explicit + ", which does not exist";
        throw new UncheckedIOException(message, new NoSuchFileException(explicit.toString()));
      }
      files.add(explicit);
    }
    DEFAULT_NAMES.forEach(name -> files.add(workingDir.resolve(name)));
    Map<String, String> merged = new LinkedHashMap<>();
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        parse(read(file)).forEach(merged::putIfAbsent);
      }
    }
    return merged;
  }

  /** A lookup that answers from the real environment first, then from the env files. */
  public static Lookup lookup(Map<String, String> realEnvironment, Map<String, String> files) {
    return name ->
        Optional.ofNullable(realEnvironment.get(name))
            .or(() -> Optional.ofNullable(files.get(name)));
  }

  /** Finds configuration values by variable name. */
  @FunctionalInterface
  public interface Lookup {
    /** The value of {@code name}, if set anywhere. */
    Optional<String> get(String name);
  }

  /** The variables defined by the lines of one file; a later line wins over an earlier one. */
  public static Map<String, String> parse(List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (matcher.matches()) {
        values.put(matcher.group(1), value(matcher.group(2)));
      }
    }
    return values;
  }

  private static String value(String text) {
    if (text.startsWith("'")) {
      int end = text.indexOf('\'', 1);
      return end < 0 ? text.substring(1) : text.substring(1, end);
    }
    if (text.startsWith("\"")) {
      return doubleQuoted(text);
    }
    int comment = text.indexOf(" #");
    int tabComment = text.indexOf("\t#");
    int cut = comment < 0 ? tabComment : tabComment < 0 ? comment : Math.min(comment, tabComment);
    return (cut < 0 ? text : text.substring(0, cut)).strip();
  }

  private static String doubleQuoted(String text) {
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        break;
      }
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        value.append(next == 'n' ? '\n' : next);
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
