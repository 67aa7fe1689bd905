package dev.owp.poold.support;

import dev.owp.protocol.task.TaskSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Builds task definitions as an admin sends them: {@code
 * aTask("demo").priority(50).inArea("auth")}. Defaults: a fresh title, no description, 1 point,
 * priority 10, no skills, no area, tier 0, no key, no issue.
 */
public final class TaskSpecBuilder {

  private static final AtomicInteger TITLES = new AtomicInteger();

  private final String repo;
  private String title = "Task " + TITLES.incrementAndGet();
  private @Nullable String description;
  private int estimatePoints = TaskSpec.DEFAULT_ESTIMATE_POINTS;
  private int priority = TaskSpec.DEFAULT_PRIORITY;
  private List<String> requiredSkills = List.of();
  private @Nullable String area;
  private int tier;
  private @Nullable String key;
  private @Nullable Integer issueNumber;
  private @Nullable String issueUrl;

  private TaskSpecBuilder(String repo) {
    this.repo = repo;
  }

  /** A task of repository {@code repo}. */
  public static TaskSpecBuilder aTask(String repo) {
    return new TaskSpecBuilder(repo);
  }

  /** With this title. */
  public TaskSpecBuilder titled(String title) {
    this.title = title;
    return this;
  }

  /** With this description. */
  public TaskSpecBuilder described(@Nullable String description) {
    this.description = description;
    return this;
  }

  /** Needing this many capacity points. */
  public TaskSpecBuilder estimate(int points) {
    this.estimatePoints = points;
    return this;
  }

  /** With this priority. */
  public TaskSpecBuilder priority(int priority) {
    this.priority = priority;
    return this;
  }

  /** Requiring these skills (as typed by an admin: normalised by the server). */
  public TaskSpecBuilder needing(String... skills) {
    this.requiredSkills = List.of(skills);
    return this;
  }

  /** Touching this area. */
  public TaskSpecBuilder inArea(@Nullable String area) {
    this.area = area;
    return this;
  }

  /** Requiring this trust tier. */
  public TaskSpecBuilder tier(int tier) {
    this.tier = tier;
    return this;
  }

  /** With this upsert key. */
  public TaskSpecBuilder key(@Nullable String key) {
    this.key = key;
    return this;
  }

  /** Imported from this issue. */
  public TaskSpecBuilder fromIssue(int number, String url) {
    this.issueNumber = number;
    this.issueUrl = url;
    return this;
  }

  /** The definition. */
  public TaskSpec build() {
    return new TaskSpec(
        repo,
        title,
        description,
        estimatePoints,
        priority,
        requiredSkills,
        area,
        tier,
        key,
        issueNumber,
        issueUrl);
  }
}
