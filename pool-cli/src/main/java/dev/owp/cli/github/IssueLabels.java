package dev.owp.cli.github;

import dev.owp.protocol.task.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The label conventions, case-insensitive: {@code estimate:N} or {@code size:N} (1..100), {@code
 * priority:critical|high|medium|low} (100/80/50/20) or {@code priority:N} (0..1000), {@code
 * skills:a,b} (comma-separated, repeatable), {@code area:X} and {@code tier:N} (0..3). Other labels
 * are ignored. A label with a bad value is ignored with a note, never guessed at; when a setting
 * appears twice, the first label in alphabetical order wins, with a note.
 *
 * @param estimate capacity points
 * @param priority higher first
 * @param skills normalised by {@link TaskSpec} later
 * @param notes what was ignored and why, e.g. {@code estimate:0 is not between 1 and 100}
 */
public record IssueLabels(
    int estimate,
    int priority,
    List<String> skills,
    @Nullable String area,
    int tier,
    List<String> notes) {

  private static final Pattern CONVENTION =
      Pattern.compile(
          "^\\s*(estimate|size|priority|skills|area|tier)\\s*:\\s*(.*?)\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Map<String, Integer> NAMED_PRIORITIES =
      Map.of("critical", 100, "high", 80, "medium", 50, "low", 20);

  /** Copies the lists. */
  public IssueLabels {
    skills = List.copyOf(skills);
    notes = List.copyOf(notes);
  }

  /** Reads the conventions from an issue's labels. */
  public static IssueLabels read(List<String> labels) {
    Integer estimate = null;
    Integer priority = null;
    Integer tier = null;
    String area = null;
    Set<String> skills = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    for (String label : labels.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()) {
      Matcher m = CONVENTION.matcher(label);
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String value = m.group(2);
      switch (name) {
        case "estimate", "size" ->
            estimate = first(notes, label, estimate, number(notes, label, value, 1, 100));
        case "priority" -> priority = first(notes, label, priority, priority(notes, label, value));
        case "tier" -> tier = first(notes, label, tier, number(notes, label, value, 0, 3));
        case "area" -> area = first(notes, label, area, value.isEmpty() ? null : value);
        default -> {
          for (String skill : value.split(",")) {
            if (!skill.isBlank()) {
              skills.add(skill.strip().toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return new IssueLabels(
        estimate == null ? TaskSpec.DEFAULT_ESTIMATE_POINTS : estimate,
        priority == null ? TaskSpec.DEFAULT_PRIORITY : priority,
        List.copyOf(skills),
        area,
        tier == null ? 0 : tier,
        notes);
  }

  private static <T> @Nullable T first(
      List<String> notes, String label, @Nullable T current, @Nullable T candidate) {
    if (candidate == null) {
      return current;
    }
    if (current != null) {
      notes.add("label '" + label + "' ignored: an earlier label already set it to " + current);
      return current;
    }
    return candidate;
  }

  private static @Nullable Integer priority(List<String> notes, String label, String value) {
    Integer named = NAMED_PRIORITIES.get(value.toLowerCase(Locale.ROOT));
    return named != null ? named : number(notes, label, value, 0, 1000);
  }

  private static @Nullable Integer number(
      List<String> notes, String label, String value, int min, int max) {
    if (value.matches("[0-9]{1,9}")) {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    }
    notes.add("label '" + label + "' ignored: expected a whole number from " + min + " to " + max);
    return null;
  }
}
