package dev.owp.protocol.repo;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import dev.owp.protocol.budget.ReviewBudget;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/admin/repos}: registers a repository, or changes its settings (an upsert).
 *
 * @param repo the repository key, e.g. {@code demo} or {@code owner/name}
 * @param maxOpenPrs the review budget, 0 to 100 (default 3); 0 assigns nothing
 * @param areaLocksEnabled whether tasks of the same area exclude each other (default true)
 */
public record RepoConfig(String repo, int maxOpenPrs, boolean areaLocksEnabled) {

  /** Validates every field. */
  public RepoConfig {
    repo = RepoKeys.require("repo", repo);
    Require.range("max_open_prs", maxOpenPrs, 0, ReviewBudget.MAX_MAX_OPEN_PRS);
  }

  /** The configuration as sent on the wire; only {@code repo} is required. */
  @JsonCreator
  public static RepoConfig of(
      @Nullable String repo, @Nullable Integer maxOpenPrs, @Nullable Boolean areaLocksEnabled) {
    return new RepoConfig(
        RepoKeys.require("repo", repo),
        Objects.requireNonNullElse(maxOpenPrs, ReviewBudget.DEFAULT_MAX_OPEN_PRS),
        Objects.requireNonNullElse(areaLocksEnabled, Boolean.TRUE));
  }
}
