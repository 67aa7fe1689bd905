package dev.owp.poold.task;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.poold.storage.StatusSql;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.WorkerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code task} table. Every change of status is a conditional update guarded by the status or
 * the row's version; a row count of 0 means someone else changed the task first.
 */
@Repository
public class TaskRepository {

  /** The columns of {@link #TASK}, for queries elsewhere that map full task rows. */
  public static final String COLUMNS =
      """
      seq, task_id, repo, task_key, title, description, estimate_points, priority, required_skills,
      area, tier, status, worker_id, lease_id, leased_at, lease_expires_at, attempt, message,
      artifact, version, created_at, updated_at, issue_number, issue_url, cancel_cause
      """;

  private static final String INSERT =
      """
      INSERT INTO task (task_id, repo, task_key, title, description, estimate_points, priority,
                        required_skills, skill_set, area, tier, status, created_at, updated_at,
                        issue_number, issue_url)
      VALUES (:taskId, :repo, :key, :title, :description, :estimatePoints, :priority,
              :requiredSkills, :skillSet, :area, :tier, 'ready', :now, :now, :issueNumber,
              :issueUrl)
      """;

  private static final String FIND = "SELECT " + COLUMNS + " FROM task WHERE task_id = :taskId";

  private static final String FIND_BY_KEY =
      "SELECT " + COLUMNS + " FROM task WHERE repo = :repo AND task_key = :key";

  // %s locks the row on PostgreSQL, or finds it taken when another claim is leasing it.
  private static final String LOCK_IF_READY_AT =
      """
      SELECT t.task_id
        FROM task t
       WHERE t.task_id = :taskId AND t.status = 'ready' AND t.version = :version
      %s
      """;

  private static final String REDEFINE =
      """
      UPDATE task
         SET title = :title, description = :description, priority = :priority,
             estimate_points = :estimatePoints, required_skills = :requiredSkills,
             skill_set = :skillSet, area = :area, tier = :tier, issue_number = COALESCE(:issueNumber, issue_number),
             issue_url = COALESCE(:issueUrl, issue_url), updated_at = :now, version = version + 1
       WHERE task_id = :taskId AND version = :version
      """;

  private static final String LEASE_IF_READY =
      """
      UPDATE task
         SET status = 'leased', worker_id = :workerId, lease_id = :leaseId, leased_at = :now,
             lease_expires_at = :expiresAt, message = NULL, artifact = NULL, updated_at = :now,
             version = version + 1
       WHERE task_id = :taskId AND status = 'ready' AND version = :version
      """;

  private static final String CHANGE_STATUS =
      """
      UPDATE task
         SET status = :status, message = :message, artifact = :artifact, lease_id = :leaseId,
             lease_expires_at = :expiresAt, updated_at = :now, version = version + 1
       WHERE task_id = :taskId AND version = :version
      """;

  // released_by/released_until keep a released task from going straight back to the worker that
  // gave it up; other workers may take it at once.
  private static final String RETURN_TO_POOL =
      """
      UPDATE task
         SET status = 'ready', worker_id = NULL, lease_id = NULL, leased_at = NULL,
             lease_expires_at = NULL, attempt = attempt + 1, message = :message,
             released_by = :releasedBy, released_until = :releasedUntil,
             updated_at = :now, version = version + 1
       WHERE task_id = :taskId AND version = :version
      """;

  // A heartbeat may renew the lease between the reaper's read and this update: the expiry is
  // checked again here, and the renewal wins.
  private static final String RETURN_EXPIRED_TO_POOL =
      """
      UPDATE task
         SET status = 'ready', worker_id = NULL, lease_id = NULL, leased_at = NULL,
             lease_expires_at = NULL, attempt = attempt + 1, message = :message,
             released_by = NULL, released_until = NULL, updated_at = :now, version = version + 1
       WHERE task_id = :taskId AND version = :version AND lease_expires_at <= :now
      """;

  private static final String ADMIN = "admin";
  private static final String WITHDRAWN = "withdrawn";

  private static final String CANCEL =
      """
      UPDATE task
         SET status = 'cancelled', lease_id = NULL, lease_expires_at = NULL, message = :message,
             cancel_cause = :cause, updated_at = :now, version = version + 1
       WHERE task_id = :taskId AND version = :version
      """;

  // Only a withdrawn task comes back, and it held nothing when it was withdrawn: it takes the new
  // definition whole, as a ready task does.
  private static final String REOPEN_IF_WITHDRAWN =
      """
      UPDATE task
         SET status = 'ready', cancel_cause = NULL, worker_id = NULL, lease_id = NULL,
             leased_at = NULL, lease_expires_at = NULL, released_by = NULL, released_until = NULL,
             message = :message, title = :title, description = :description,
             priority = :priority, estimate_points = :estimatePoints,
             required_skills = :requiredSkills, skill_set = :skillSet, area = :area, tier = :tier,
             issue_number = COALESCE(:issueNumber, issue_number),
             issue_url = COALESCE(:issueUrl, issue_url), updated_at = :now, version = version + 1
       WHERE task_id = :taskId AND version = :version AND status = 'cancelled'
         AND cancel_cause = 'withdrawn'
      """;

  private static final String RENEW_LEASES_OF_WORKER =
      """
      UPDATE task
         SET lease_expires_at = :expiresAt
       WHERE worker_id = :workerId AND status IN (%s)
      """
          .formatted(StatusSql.HELD);

  private static final String HELD_BY_WORKER =
      "SELECT "
          + COLUMNS
          + " FROM task WHERE worker_id = :workerId AND status IN (%s) ORDER BY seq"
              .formatted(StatusSql.HELD);

  private static final String EXPIRED_LEASES =
      "SELECT "
          + COLUMNS
          + " FROM task WHERE status IN (%s) AND lease_expires_at <= :now"
              .formatted(StatusSql.EXPIRING)
          + " ORDER BY lease_expires_at LIMIT :limit";

  /** Maps a row selected with {@link #COLUMNS}. */
  public static final RowMapper<TaskRecord> TASK =
      (rs, i) ->
          new TaskRecord(
              rs.getLong("seq"),
              TaskId.of(rs.getString("task_id")),
              rs.getString("repo"),
              rs.getString("task_key"),
              rs.getString("title"),
              rs.getString("description"),
              rs.getInt("estimate_points"),
              rs.getInt("priority"),
              JsonColumns.strings(rs.getString("required_skills")),
              rs.getString("area"),
              rs.getInt("tier"),
              TaskStatus.fromWire(rs.getString("status")),
              rs.getString("worker_id") == null ? null : WorkerId.of(rs.getString("worker_id")),
              rs.getString("lease_id") == null ? null : LeaseId.of(rs.getString("lease_id")),
              EpochMillis.readNullable(rs, "leased_at"),
              EpochMillis.readNullable(rs, "lease_expires_at"),
              rs.getInt("attempt"),
              rs.getString("message"),
              JsonColumns.read(rs.getString("artifact"), Artifact.class),
              rs.getLong("version"),
              EpochMillis.read(rs, "created_at"),
              EpochMillis.read(rs, "updated_at"),
              nullableInt(rs, "issue_number"),
              rs.getString("issue_url"),
              WITHDRAWN.equals(rs.getString("cancel_cause")));

  private final JdbcClient jdbc;
  private final SkillSets skillSets;
  private final String lockIfReady;
  private final Optional<String> analyze;

  // sqlite-jdbc refuses getObject(column, Integer.class) on NULL.
  private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  TaskRepository(JdbcClient jdbc, SkillSets skillSets, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.skillSets = skillSets;
    this.lockIfReady = LOCK_IF_READY_AT.formatted(dialect.lockSkippingLocked("t"));
    this.analyze = dialect.analyze("task");
  }

  /**
   * Refreshes the planner's statistics of the task table where the database keeps them, so that the
   * ready queue a large import just filled does not look as empty as when it was last analyzed.
   */
  void refreshStatistics() {
    analyze.ifPresent(statement -> jdbc.sql(statement).update());
  }

  /** Whether the database plans from statistics that {@link #refreshStatistics} refreshes. */
  boolean keepsStatistics() {
    return analyze.isPresent();
  }

  void insert(TaskId id, TaskSpec spec, Instant now) {
    withDefinition(jdbc.sql(INSERT), spec)
        .param("taskId", id.value())
        .param("repo", spec.repo())
        .param("key", spec.key())
        .param("now", EpochMillis.of(now))
        .update();
  }

  /**
   * Binds the definition {@code spec} gives a task, under the names INSERT, REDEFINE and
   * REOPEN_IF_WITHDRAWN use for it.
   */
  private JdbcClient.StatementSpec withDefinition(
      JdbcClient.StatementSpec statement, TaskSpec spec) {
    return statement
        .param("title", spec.title())
        .param("description", spec.description())
        .param("estimatePoints", spec.estimatePoints())
        .param("priority", spec.priority())
        .param("requiredSkills", JsonColumns.write(spec.requiredSkills()))
        .param("skillSet", skillSets.idOf(spec.requiredSkills()))
        .param("area", spec.area())
        .param("tier", spec.tier())
        .param("issueNumber", spec.issueNumber(), Types.INTEGER)
        .param("issueUrl", spec.issueUrl(), Types.VARCHAR);
  }

  /** The task with this id. */
  public Optional<TaskRecord> find(TaskId id) {
    return jdbc.sql(FIND).param("taskId", id.value()).query(TASK).optional();
  }

  /** The task of {@code repo} with this key. */
  public Optional<TaskRecord> findByKey(String repo, String key) {
    return jdbc.sql(FIND_BY_KEY).param("repo", repo).param("key", key).query(TASK).optional();
  }

  /**
   * Whether the task is still ready at {@code version}, and not being leased by a concurrent claim:
   * on PostgreSQL the row is locked for the caller's transaction if so.
   */
  boolean lockIfReadyAt(TaskId task, long version) {
    return jdbc.sql(lockIfReady)
        .param("taskId", task.value())
        .param("version", version)
        .query(String.class)
        .optional()
        .isPresent();
  }

  boolean redefine(TaskRecord task, TaskSpec spec, Instant now) {
    return withDefinition(jdbc.sql(REDEFINE), spec)
            .param("taskId", task.id().value())
            .param("version", task.version())
            .param("now", EpochMillis.of(now))
            .update()
        == 1;
  }

  boolean leaseIfReady(
      TaskId task, long version, WorkerId worker, LeaseId lease, Instant now, Instant expiresAt) {
    return jdbc.sql(LEASE_IF_READY)
            .param("taskId", task.value())
            .param("version", version)
            .param("workerId", worker.value())
            .param("leaseId", lease.value())
            .param("now", EpochMillis.of(now))
            .param("expiresAt", EpochMillis.of(expiresAt))
            .update()
        == 1;
  }

  boolean changeStatus(
      TaskRecord task,
      TaskStatus status,
      @Nullable String message,
      @Nullable Artifact artifact,
      @Nullable LeaseId lease,
      @Nullable Instant expiresAt,
      Instant now) {
    // Typed even when null: PostgreSQL's driver prepares a statement again whenever the type of a
    // parameter changes, and an untyped null is a type of its own, so the report's statement,
    // whose message and artifact are null one time and text the next, was planned anew each time.
    return jdbc.sql(CHANGE_STATUS)
            .param("taskId", task.id().value())
            .param("version", task.version())
            .param("status", status.wireName())
            .param("message", message, Types.VARCHAR)
            .param("artifact", JsonColumns.writeNullable(artifact), Types.VARCHAR)
            .param("leaseId", lease == null ? null : lease.value(), Types.VARCHAR)
            .param("expiresAt", EpochMillis.ofNullable(expiresAt), Types.BIGINT)
            .param("now", EpochMillis.of(now))
            .update()
        == 1;
  }

  boolean returnToPool(
      TaskRecord task,
      String message,
      @Nullable WorkerId avoid,
      @Nullable Instant avoidUntil,
      Instant now) {
    return jdbc.sql(RETURN_TO_POOL)
            .param("taskId", task.id().value())
            .param("version", task.version())
            .param("message", message)
            .param("releasedBy", avoid == null ? null : avoid.value())
            .param("releasedUntil", EpochMillis.ofNullable(avoidUntil))
            .param("now", EpochMillis.of(now))
            .update()
        == 1;
  }

  boolean returnExpiredToPool(TaskRecord task, String message, Instant now) {
    return jdbc.sql(RETURN_EXPIRED_TO_POOL)
            .param("taskId", task.id().value())
            .param("version", task.version())
            .param("message", message)
            .param("now", EpochMillis.of(now))
            .update()
        == 1;
  }

  /**
   * Cancels the task.
   *
   * @param withdrawn true when its issue went away, false when an admin cancelled it
   */
  boolean cancel(TaskRecord task, String message, boolean withdrawn, Instant now) {
    return jdbc.sql(CANCEL)
            .param("taskId", task.id().value())
            .param("version", task.version())
            .param("message", message)
            .param("cause", withdrawn ? WITHDRAWN : ADMIN)
            .param("now", EpochMillis.of(now))
            .update()
        == 1;
  }

  /** Puts a withdrawn task back in the pool with the definition {@code spec}. */
  boolean reopenIfWithdrawn(TaskRecord task, TaskSpec spec, String message, Instant now) {
    return withDefinition(jdbc.sql(REOPEN_IF_WITHDRAWN), spec)
            .param("taskId", task.id().value())
            .param("version", task.version())
            .param("message", message)
            .param("now", EpochMillis.of(now))
            .update()
        == 1;
  }

  /**
   * Pushes the expiry of every task {@code worker} holds to {@code expiresAt}; returns how many.
   */
  public int renewLeases(WorkerId worker, Instant expiresAt) {
    return jdbc.sql(RENEW_LEASES_OF_WORKER)
        .param("workerId", worker.value())
        .param("expiresAt", EpochMillis.of(expiresAt))
        .update();
  }

  /** The tasks {@code worker} holds, oldest first. */
  public List<TaskRecord> heldBy(WorkerId worker) {
    return jdbc.sql(HELD_BY_WORKER).param("workerId", worker.value()).query(TASK).list();
  }

  /** Up to {@code limit} tasks whose lease lapsed at or before {@code now}, soonest first. */
  public List<TaskRecord> expiredLeases(Instant now, int limit) {
    return jdbc.sql(EXPIRED_LEASES)
        .param("now", EpochMillis.of(now))
        .param("limit", limit)
        .query(TASK)
        .list();
  }
}
