package dev.owp.cli.source;

import dev.owp.cli.common.IoFailure;
import dev.owp.protocol.task.TaskSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a YAML task file: a list of tasks (or a mapping whose {@code tasks} key holds the list),
 * each with a {@code title} and optionally {@code description}, {@code estimate_points} (or {@code
 * estimate}), {@code priority}, {@code required_skills} (a list or a comma-separated text), {@code
 * area}, {@code tier} and {@code key}.
 *
 * <p>The whole file is checked before anything is sent, and every problem is reported with its
 * entry and field, e.g. {@code tasks.yaml: entry 3 (title "X"): estimate_points must be between 1
 * and 100}. (The original stopped at the first bad entry, half-way through its import.)
 */
public final class TaskFileReader {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * Jackson's words for a mapping key given twice, e.g. {@code Duplicate Object property "title"}.
   */
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate \\w+ property \"([^\"]*)\"");

  private TaskFileReader() {}

  /**
   * The tasks of {@code file}, for {@code repo}.
   *
   * @param name how to name the file in messages, e.g. as the user typed it
   * @throws TaskFileException when the file is unreadable, not a list, or any entry is invalid
   */
  public static List<TaskSpec> read(Path file, String name, String repo) throws TaskFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TaskFileException(List.of(name + ": cannot read: " + IoFailure.why(e)));
    }
    return parse(text, name, repo);
  }

  /** The tasks of the YAML {@code text}; {@code name} names it in messages. */
  public static List<TaskSpec> parse(String text, String name, String repo)
      throws TaskFileException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new TaskFileException(List.of(name + ": not valid YAML: " + describe(e)));
    }
    JsonNode list = root != null && root.isObject() && root.has("tasks") ? root.get("tasks") : root;
    if (list == null || !list.isArray()) {
      throw new TaskFileException(
          List.of(name + ": expected a YAML list of tasks (or a mapping with a tasks: list)"));
    }
    if (list.isEmpty()) {
      throw new TaskFileException(List.of(name + ": the list of tasks is empty"));
    }
    return entries(list, name, repo);
  }

  private static List<TaskSpec> entries(JsonNode list, String name, String repo)
      throws TaskFileException {
    List<TaskSpec> tasks = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      TaskEntry.Result entry = TaskEntry.parse(list.get(i), repo);
      String where =
          name
              + ": entry "
              + (i + 1)
              + (entry.title() == null ? "" : " (title \"" + entry.title() + "\")")
              + ": ";
      entry.problems().forEach(problem -> problems.add(where + problem));
      TaskSpec task = entry.task();
      if (task != null && task.key() != null) {
        Integer first = keys.putIfAbsent(task.key(), i + 1);
        if (first != null) {
          problems.add(where + "key '" + task.key() + "' is already used by entry " + first);
        }
      }
      if (task != null) {
        tasks.add(task);
      }
    }
    if (!problems.isEmpty()) {
      throw new TaskFileException(problems);
    }
    return tasks;
  }

  private static String describe(JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    String message = String.valueOf(e.getOriginalMessage());
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      return "field '" + duplicate.group(1) + "' appears twice" + where;
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)) + where;
  }
}
