package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.owp.protocol.Require;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.repo.RepoKeys;
import dev.owp.protocol.scheduling.Skills;
import dev.owp.protocol.scheduling.TrustTier;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A task to create or, when {@code key} matches an existing task of the repository, to update
 * ({@code POST /v1/admin/tasks} and {@code POST /v1/admin/tasks/bulk}).
 *
 * @param repo a registered repository key
 * @param title 1 to 300 characters
 * @param description at most 65,536 characters
 * @param estimatePoints capacity points the task needs, 1 to 100 (default 1)
 * @param priority 0 to 1000, higher first (default 10)
 * @param requiredSkills normalised; a worker needs all of them
 * @param area normalised area key, or null
 * @param tier trust tier required, 0 to 3 (default 0)
 * @param key an optional stable identifier within the repository (e.g. {@code gh-42}) that makes
 *     re-imports update instead of duplicate; at most 200 characters
 * @param issueNumber the issue the task was imported from (e.g. a GitHub issue number), or null;
 *     left out of the JSON when null, so v0.1 servers and golden requests are unchanged
 * @param issueUrl the web page of that issue, an http(s) URL, or null (left out when null)
 */
public record TaskSpec(
    String repo,
    String title,
    @Nullable String description,
    int estimatePoints,
    int priority,
    List<String> requiredSkills,
    @Nullable String area,
    int tier,
    @Nullable String key,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer issueNumber,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String issueUrl) {

  /** Default {@code estimate_points}. */
  public static final int DEFAULT_ESTIMATE_POINTS = 1;

  /** Default {@code priority}. */
  public static final int DEFAULT_PRIORITY = 10;

  /** Longest description accepted. */
  public static final int MAX_DESCRIPTION = 65_536;

  /** Validates and normalises every field. */
  public TaskSpec {
    repo = RepoKeys.require("repo", repo);
    title = Require.text("title", Require.present("title", title).strip(), 1, 300);
    Require.optionalText("description", description, MAX_DESCRIPTION);
    Require.range("estimate_points", estimatePoints, 1, 100);
    Require.range("priority", priority, 0, 1000);
    requiredSkills = Skills.normalise("required_skills", requiredSkills);
    area = AreaKey.normaliseOrNull(area);
    TrustTier.require("tier", tier);
    key = key == null || key.isBlank() ? null : Require.text("key", key.strip(), 1, 200);
    if (issueNumber != null) {
      Require.range("issue_number", issueNumber, 1, Integer.MAX_VALUE);
    }
    issueUrl = Artifact.httpUrl("issue_url", issueUrl);
  }

  /** A task that does not come from an issue. */
  public TaskSpec(
      String repo,
      String title,
      @Nullable String description,
      int estimatePoints,
      int priority,
      List<String> requiredSkills,
      @Nullable String area,
      int tier,
      @Nullable String key) {
    this(
        repo,
        title,
        description,
        estimatePoints,
        priority,
        requiredSkills,
        area,
        tier,
        key,
        null,
        null);
  }

  /** A task as sent by v0.1 clients: every field but repo and title may be null. */
  public static TaskSpec of(
      @Nullable String repo,
      @Nullable String title,
      @Nullable String description,
      @Nullable Integer estimatePoints,
      @Nullable Integer priority,
      @Nullable List<@Nullable String> requiredSkills,
      @Nullable String area,
      @Nullable Integer tier,
      @Nullable String key) {
    return of(
        repo,
        title,
        description,
        estimatePoints,
        priority,
        requiredSkills,
        area,
        tier,
        key,
        null,
        null);
  }

  /** The task as sent on the wire, where every field but repo and title may be omitted or null. */
  @JsonCreator
  public static TaskSpec of(
      @Nullable String repo,
      @Nullable String title,
      @Nullable String description,
      @Nullable Integer estimatePoints,
      @Nullable Integer priority,
      @Nullable List<@Nullable String> requiredSkills,
      @Nullable String area,
      @Nullable Integer tier,
      @Nullable String key,
      @Nullable Integer issueNumber,
      @Nullable String issueUrl) {
    return new TaskSpec(
        RepoKeys.require("repo", repo),
        Require.present("title", title),
        description,
        Objects.requireNonNullElse(estimatePoints, DEFAULT_ESTIMATE_POINTS),
        Objects.requireNonNullElse(priority, DEFAULT_PRIORITY),
        Skills.normalise("required_skills", requiredSkills),
        area,
        Objects.requireNonNullElse(tier, TrustTier.LOWEST),
        key,
        issueNumber,
        issueUrl);
  }

  /** The same task in another repository. */
  public TaskSpec inRepo(String otherRepo) {
    return new TaskSpec(
        otherRepo,
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
