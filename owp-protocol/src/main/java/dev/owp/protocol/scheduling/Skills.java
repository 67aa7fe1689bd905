package dev.owp.protocol.scheduling;

import dev.owp.protocol.Require;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Skills such as {@code python} or {@code docs}, on workers and as task requirements.
 *
 * <p>Skills are normalised when they are written: trimmed, lower-cased, empty entries dropped,
 * duplicates removed, order kept. Matching is then a plain subset test.
 */
public final class Skills {

  /** Most skills on one worker or task. */
  public static final int MAX_COUNT = 50;

  /** Longest skill, in characters. */
  public static final int MAX_LENGTH = 50;

  private Skills() {}

  /**
   * The normalised form of a skill list from user input.
   *
   * @param field the wire name used in error messages, e.g. {@code required_skills}
   * @param raw the skills as given; null means none
   * @throws IllegalArgumentException when there are too many skills, or one is too long or holds a
   *     control character
   */
  public static List<String> normalise(String field, @Nullable Collection<@Nullable String> raw) {
    if (raw == null) {
      return List.of();
    }
    Set<String> skills = new LinkedHashSet<>();
    for (String skill : raw) {
      if (skill == null || skill.isBlank()) {
        continue;
      }
      String normalised = skill.strip().toLowerCase(Locale.ROOT);
      if (normalised.length() > MAX_LENGTH) {
        throw new IllegalArgumentException(
            field + " entries must be at most " + MAX_LENGTH + " characters: '" + skill + "'");
      }
      Require.noControlCharacters(field + " entries", normalised);
      skills.add(normalised);
    }
    return List.copyOf(Require.size(field, skills, MAX_COUNT));
  }

  /** Splits a comma-separated list such as {@code "python, docs"} and normalises it. */
  public static List<String> parseCommaList(String field, @Nullable String commaList) {
    return commaList == null ? List.of() : normalise(field, List.of(commaList.split(",")));
  }

  /**
   * True when a worker with {@code workerSkills} has every skill in {@code required}. Both lists
   * must already be normalised. No requirement means anyone qualifies.
   */
  public static boolean covers(Collection<String> workerSkills, Collection<String> required) {
    return workerSkills.containsAll(required);
  }
}
