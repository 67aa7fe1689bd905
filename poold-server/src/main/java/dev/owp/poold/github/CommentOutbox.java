package dev.owp.poold.github;

import dev.owp.poold.storage.EpochMillis;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The write-back tables: {@code github_cursor} (how far the audit log was read) and {@code
 * github_comment} (one row per comment, keyed by task and audit event, so an event is commented on
 * once however many replicas and retries see it).
 */
@Repository
class CommentOutbox {

  /** An audit event that may deserve a comment, with its task's issue and its worker. */
  record Candidate(
      long eventId,
      String type,
      String taskId,
      String details,
      String repo,
      int issueNumber,
      @Nullable String handle,
      @Nullable String workerName) {}

  /** A comment to send. */
  record Pending(
      String taskId,
      long eventId,
      String repo,
      int issueNumber,
      String body,
      int attempts,
      long nextTryAt) {}

  private static final String CURSOR = "comments";

  // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
  private static final String START_CURSOR =
      """
      INSERT INTO github_cursor (name, last_event_id)
      SELECT :name, COALESCE(MAX(id), 0) FROM event WHERE true
      ON CONFLICT (name) DO NOTHING
      """;

  private static final String READ_CURSOR =
      "SELECT last_event_id FROM github_cursor WHERE name = :name";

  private static final String MOVE_CURSOR =
      """
      UPDATE github_cursor SET last_event_id = :to
       WHERE name = :name AND last_event_id = :from
      """;

  private static final String LAST_EVENT = "SELECT COALESCE(MAX(id), 0) FROM event";

  private static final String CANDIDATES =
      """
      SELECT e.id, e.type, e.task_id, e.details, t.repo, t.issue_number,
             w.github_handle, w.name AS worker_name
        FROM event e
        JOIN task t ON t.task_id = e.task_id
        LEFT JOIN worker w ON w.worker_id = e.worker_id
       WHERE e.id > :after AND e.id <= :upTo AND e.at >= :since
         AND e.type IN ('task.leased', 'task.status', 'task.released', 'task.requeued')
         AND t.issue_number IS NOT NULL
       ORDER BY e.id
       LIMIT :limit
      """;

  private static final String ENQUEUE =
      """
      INSERT INTO github_comment (task_id, event_id, repo, issue_number, body, state, next_try_at)
      VALUES (:taskId, :eventId, :repo, :issue, :body, 'pending', :now)
      ON CONFLICT (task_id, event_id) DO NOTHING
      """;

  private static final String DUE =
      """
      SELECT task_id, event_id, repo, issue_number, body, attempts, next_try_at
        FROM github_comment
       WHERE state = 'pending' AND next_try_at <= :now
       ORDER BY event_id LIMIT :limit
      """;

  private static final String CLAIM =
      """
      UPDATE github_comment SET next_try_at = :until, attempts = attempts + 1
       WHERE task_id = :taskId AND event_id = :eventId AND state = 'pending'
         AND next_try_at = :seen AND attempts = :attempts
      """;

  private static final String MARK_SENT =
      """
      UPDATE github_comment SET state = 'sent', sent_at = :now
       WHERE task_id = :taskId AND event_id = :eventId AND state = 'pending'
      """;

  private final JdbcClient jdbc;

  CommentOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cursor, created at the end of the log the first time write-back runs. */
  long cursor() {
    jdbc.sql(START_CURSOR).param("name", CURSOR).update();
    return jdbc.sql(READ_CURSOR).param("name", CURSOR).query(Long.class).single();
  }

  long lastEvent() {
    return jdbc.sql(LAST_EVENT).query(Long.class).single();
  }

  /** True when this caller moved the cursor from {@code from} to {@code to} (and so enqueues). */
  boolean moveCursor(long from, long to) {
    return jdbc.sql(MOVE_CURSOR).param("name", CURSOR).param("from", from).param("to", to).update()
        == 1;
  }

  List<Candidate> candidates(long after, long upTo, Instant since, int limit) {
    return jdbc.sql(CANDIDATES)
        .params(
            Map.of("after", after, "upTo", upTo, "since", EpochMillis.of(since), "limit", limit))
        .query(
            (rs, i) ->
                new Candidate(
                    rs.getLong("id"),
                    rs.getString("type"),
                    rs.getString("task_id"),
                    rs.getString("details"),
                    rs.getString("repo"),
                    rs.getInt("issue_number"),
                    rs.getString("github_handle"),
                    rs.getString("worker_name")))
        .list();
  }

  void enqueue(Candidate event, String body, Instant now) {
    jdbc.sql(ENQUEUE)
        .param("taskId", event.taskId())
        .param("eventId", event.eventId())
        .param("repo", event.repo())
        .param("issue", event.issueNumber())
        .param("body", body)
        .param("now", EpochMillis.of(now))
        .update();
  }

  List<Pending> due(Instant now, int limit) {
    return jdbc.sql(DUE)
        .param("now", EpochMillis.of(now))
        .param("limit", limit)
        .query(
            (rs, i) ->
                new Pending(
                    rs.getString("task_id"),
                    rs.getLong("event_id"),
                    rs.getString("repo"),
                    rs.getInt("issue_number"),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    rs.getLong("next_try_at")))
        .list();
  }

  /** True when this replica owns the next attempt of {@code comment}, until {@code until}. */
  boolean claim(Pending comment, Instant until) {
    return jdbc.sql(CLAIM)
            .param("taskId", comment.taskId())
            .param("eventId", comment.eventId())
            .param("seen", comment.nextTryAt())
            .param("attempts", comment.attempts())
            .param("until", EpochMillis.of(until))
            .update()
        == 1;
  }

  void markSent(Pending comment, Instant now) {
    jdbc.sql(MARK_SENT)
        .param("taskId", comment.taskId())
        .param("eventId", comment.eventId())
        .param("now", EpochMillis.of(now))
        .update();
  }
}
