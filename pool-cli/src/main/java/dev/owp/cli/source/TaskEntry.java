package dev.owp.cli.source;

import dev.owp.protocol.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a task file, checked field by field. A type error names its field ({@code priority
 * must be a whole number, got 'high'}); a value out of range is refused by {@link TaskSpec} in the
 * same words the server would use. An explicit null is the same as a missing field: the default.
 */
final class TaskEntry {

  /** The fields an entry may have. */
  static final Set<String> FIELDS =
      Set.of(
          "title",
          "description",
          "estimate_points",
          "estimate",
          "priority",
          "required_skills",
          "area",
          "tier",
          "key");

  private final JsonNode node;
  private final List<String> problems = new ArrayList<>();

  private TaskEntry(JsonNode node) {
    this.node = node;
  }

  /** The task of {@code node} in {@code repo}, or the problems that prevent it. */
  static Result parse(JsonNode node, String repo) {
    return new TaskEntry(node).toTask(repo);
  }

  /** A task, or why there is none. */
  record Result(@Nullable TaskSpec task, @Nullable String title, List<String> problems) {}

  private Result toTask(String repo) {
    if (!node.isObject()) {
      return new Result(null, null, List.of("must be a mapping with at least a title"));
    }
    for (String name : node.propertyNames()) {
      if (!FIELDS.contains(name)) {
        problems.add(
            "unknown field '" + name + "' (expected one of " + String.join(", ", sorted()) + ")");
      }
    }
    String title = text("title");
    if (node.hasNonNull("estimate") && node.hasNonNull("estimate_points")) {
      problems.add("give estimate_points or estimate, not both");
    }
    Integer estimate = number(node.hasNonNull("estimate") ? "estimate" : "estimate_points");
    Integer priority = number("priority");
    Integer tier = number("tier");
    List<@Nullable String> skills = skills();
    String description = text("description");
    String area = text("area");
    String key = text("key");
    if (!problems.isEmpty()) {
      return new Result(null, title, problems);
    }
    try {
      return new Result(
          TaskSpec.of(repo, title, description, estimate, priority, skills, area, tier, key),
          title,
          List.of());
    } catch (IllegalArgumentException e) {
      return new Result(null, title, List.of(String.valueOf(e.getMessage())));
    }
  }

  private @Nullable String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isValueNode()) {
      return value.asString();
    }
    problems.add(field + " must be text");
    return null;
  }

  private @Nullable Integer number(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.asInt();
    }
    problems.add(field + " must be a whole number, got '" + shown(value) + "'");
    return null;
  }

  private @Nullable List<@Nullable String> skills() {
    JsonNode value = node.get("required_skills");
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return List.of(value.asString().split(","));
    }
    if (value.isArray()) {
      List<@Nullable String> skills = new ArrayList<>();
      for (JsonNode skill : value) {
        if (!skill.isValueNode()) {
          problems.add("required_skills must be a list of names or a comma-separated text");
          return null;
        }
        skills.add(skill.isNull() ? null : skill.asString());
      }
      return skills;
    }
    problems.add("required_skills must be a list of names or a comma-separated text");
    return null;
  }

  private static List<String> sorted() {
    return FIELDS.stream().sorted().toList();
  }

  private static String shown(JsonNode value) {
    return value.isValueNode() ? value.asString() : value.toString();
  }
}
