package dev.owp.poold.repo;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.protocol.repo.RepoConfig;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code repo} table. Its {@code held} counter is the review budget's book: it is only changed
 * together with a task's status, in the same transaction, and taking a slot is a conditional update
 * that cannot overshoot {@code max_open_prs}.
 */
@Repository
public class TrackedRepoRepository {

  private static final String UPSERT =
      """
      INSERT INTO repo (repo, max_open_prs, area_locks_enabled, held, created_at, updated_at)
      VALUES (:repo, :maxOpenPrs, :areaLocks, 0, :now, :now)
      ON CONFLICT (repo) DO UPDATE
         SET max_open_prs = excluded.max_open_prs,
             area_locks_enabled = excluded.area_locks_enabled,
             updated_at = excluded.updated_at
      """;

  private static final String FIND =
      """
      SELECT repo, max_open_prs, area_locks_enabled, held, created_at
        FROM repo
       WHERE repo = :repo
      """;

  private static final String TAKE_REVIEW_SLOT =
      """
      UPDATE repo
         SET held = held + 1
       WHERE repo = :repo AND held < max_open_prs
      """;

  private static final String ADJUST_HELD =
      """
      UPDATE repo
         SET held = held + :delta
       WHERE repo = :repo
      """;

  private static final RowMapper<TrackedRepo> TRACKED_REPO =
      (rs, i) ->
          new TrackedRepo(
              rs.getString("repo"),
              rs.getInt("max_open_prs"),
              rs.getBoolean("area_locks_enabled"),
              rs.getInt("held"),
              EpochMillis.read(rs, "created_at"));

  private final JdbcClient jdbc;

  TrackedRepoRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers a repository or updates its settings; its counters and creation time stay. */
  public void upsert(RepoConfig config, Instant now) {
    jdbc.sql(UPSERT)
        .param("repo", config.repo())
        .param("maxOpenPrs", config.maxOpenPrs())
        .param("areaLocks", config.areaLocksEnabled() ? 1 : 0)
        .param("now", EpochMillis.of(now))
        .update();
  }

  /** The repository with key {@code repo}. */
  public Optional<TrackedRepo> find(String repo) {
    return jdbc.sql(FIND).param("repo", repo).query(TRACKED_REPO).optional();
  }

  /**
   * Takes one slot of the repository's review budget.
   *
   * @return false when the budget is used up (or the repository does not exist)
   */
  public boolean takeReviewSlot(String repo) {
    return jdbc.sql(TAKE_REVIEW_SLOT).param("repo", repo).update() == 1;
  }

  /** Changes the held count by {@code delta} (negative when slots are given back). */
  public void adjustHeld(String repo, int delta) {
    if (delta != 0) {
      int updated = jdbc.sql(ADJUST_HELD).param("repo", repo).param("delta", delta).update();
      if (updated != 1) {
        throw new IllegalStateException("repo " + repo + " vanished while its budget was adjusted");
      }
    }
  }
}
