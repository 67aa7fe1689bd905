package dev.owp.protocol.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import dev.owp.protocol.scheduling.Skills;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/workers/register}: a contributor offers a worker to the pool.
 *
 * @param name a display name, 1 to 120 characters
 * @param githubHandle the contributor's GitHub login, without {@code @}; optional
 * @param skills normalised skills (trimmed, lower-case, no duplicates), at most 50
 * @param capacityPoints estimate points the worker takes on at once, 1 to 100 (default 5)
 * @param maxConcurrentTasks tasks the worker takes on at once, 1 to 20 (default 2)
 */
public record WorkerRegistration(
    String name,
    @Nullable String githubHandle,
    List<String> skills,
    int capacityPoints,
    int maxConcurrentTasks) {

  /** Default {@code capacity_points}. */
  public static final int DEFAULT_CAPACITY_POINTS = 5;

  /** Default {@code max_concurrent_tasks}. */
  public static final int DEFAULT_MAX_CONCURRENT_TASKS = 2;

  private static final Pattern GITHUB_LOGIN =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?");

  /** Validates and normalises every field. */
  public WorkerRegistration {
    name = Require.text("name", Require.present("name", name).strip(), 1, 120);
    githubHandle = normaliseHandle(githubHandle);
    skills = Skills.normalise("skills", skills);
    Require.range("capacity_points", capacityPoints, 1, 100);
    Require.range("max_concurrent_tasks", maxConcurrentTasks, 1, 20);
  }

  /** The registration as sent on the wire, where every field but {@code name} may be omitted. */
  @JsonCreator
  public static WorkerRegistration of(
      @Nullable String name,
      @Nullable String githubHandle,
      @Nullable List<@Nullable String> skills,
      @Nullable Integer capacityPoints,
      @Nullable Integer maxConcurrentTasks) {
    return new WorkerRegistration(
        Require.present("name", name),
        githubHandle,
        Skills.normalise("skills", skills),
        Objects.requireNonNullElse(capacityPoints, DEFAULT_CAPACITY_POINTS),
        Objects.requireNonNullElse(maxConcurrentTasks, DEFAULT_MAX_CONCURRENT_TASKS));
  }

  private static @Nullable String normaliseHandle(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String handle = raw.strip();
    handle = handle.startsWith("@") ? handle.substring(1) : handle;
    return Require.matches(
        "github_handle",
        handle,
        GITHUB_LOGIN,
        "a GitHub login (letters, digits and -, at most 39)");
  }
}
