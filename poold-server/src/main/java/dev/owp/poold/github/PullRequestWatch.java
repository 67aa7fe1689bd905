package dev.owp.poold.github;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.protocol.task.Artifact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code github_pr_watch} table: which pull request each {@code pr_opened} task waits on, its
 * last ETag, and when to ask again. Moving {@code next_poll_at} forward with a conditional update
 * is the claim that lets one replica, and only one, poll a pull request at a time.
 */
@Repository
class PullRequestWatch {

  /** A followed pull request. */
  record Watched(String taskId, String prKey, @Nullable String etag, long nextPollAt) {}

  /** A {@code pr_opened} task nobody watches yet. */
  record Unwatched(String taskId, @Nullable Artifact artifact) {}

  private static final String UNWATCHED =
      """
      SELECT t.task_id, t.artifact
        FROM task t LEFT JOIN github_pr_watch w ON w.task_id = t.task_id
       WHERE t.status = 'pr_opened' AND w.task_id IS NULL
       ORDER BY t.seq LIMIT :limit
      """;

  private static final String WATCH =
      """
      INSERT INTO github_pr_watch (task_id, pr_url, etag, next_poll_at)
      VALUES (:taskId, :prKey, NULL, :nextPollAt)
      ON CONFLICT (task_id) DO NOTHING
      """;

  private static final String DUE =
      """
      SELECT w.task_id, w.pr_url, w.etag, w.next_poll_at
        FROM github_pr_watch w JOIN task t ON t.task_id = w.task_id
       WHERE t.status = 'pr_opened' AND w.next_poll_at <= :now AND w.pr_url <> ''
       ORDER BY w.next_poll_at LIMIT :limit
      """;

  private static final String BY_PR =
      """
      SELECT w.task_id, w.pr_url, w.etag, w.next_poll_at
        FROM github_pr_watch w JOIN task t ON t.task_id = w.task_id
       WHERE t.status = 'pr_opened' AND w.pr_url = :prKey
      """;

  private static final String CLAIM =
      """
      UPDATE github_pr_watch SET next_poll_at = :until
       WHERE task_id = :taskId AND next_poll_at = :seen
      """;

  private static final String REMEMBER_ETAG =
      "UPDATE github_pr_watch SET etag = :etag WHERE task_id = :taskId";

  private static final String FORGET_FINISHED =
      """
      DELETE FROM github_pr_watch
       WHERE task_id NOT IN (SELECT task_id FROM task WHERE status = 'pr_opened')
      """;

  private final JdbcClient jdbc;

  PullRequestWatch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Unwatched> unwatched(int limit) {
    return jdbc.sql(UNWATCHED)
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Unwatched(
                    rs.getString("task_id"),
                    JsonColumns.read(rs.getString("artifact"), Artifact.class)))
        .list();
  }

  /** Starts following; {@code prKey} is empty for a task whose PR is not on GitHub. */
  void watch(String taskId, String prKey, Instant firstPoll) {
    jdbc.sql(WATCH)
        .param("taskId", taskId)
        .param("prKey", prKey)
        .param("nextPollAt", EpochMillis.of(firstPoll))
        .update();
  }

  List<Watched> due(Instant now, int limit) {
    return jdbc.sql(DUE)
        .param("now", EpochMillis.of(now))
        .param("limit", limit)
        .query(PullRequestWatch::watched)
        .list();
  }

  List<Watched> byPullRequest(PullRequestRef pr) {
    return jdbc.sql(BY_PR).param("prKey", pr.key()).query(PullRequestWatch::watched).list();
  }

  /** True when this replica now owns the next poll of {@code watched}, until {@code until}. */
  boolean claim(Watched watched, Instant until) {
    return jdbc.sql(CLAIM)
            .param("taskId", watched.taskId())
            .param("seen", watched.nextPollAt())
            .param("until", EpochMillis.of(until))
            .update()
        == 1;
  }

  void rememberEtag(String taskId, @Nullable String etag) {
    jdbc.sql(REMEMBER_ETAG).param("taskId", taskId).param("etag", etag).update();
  }

  /** Drops the rows of tasks that are no longer {@code pr_opened}; returns how many. */
  int forgetFinished() {
    return jdbc.sql(FORGET_FINISHED).update();
  }

  private static Watched watched(ResultSet rs, int row) throws SQLException {
    return new Watched(
        rs.getString("task_id"),
        rs.getString("pr_url"),
        rs.getString("etag"),
        rs.getLong("next_poll_at"));
  }
}
