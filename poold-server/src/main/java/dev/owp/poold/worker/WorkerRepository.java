package dev.owp.poold.worker;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code worker} table. {@code used_points} and {@code used_tasks} are the capacity book: they
 * change only together with a task's status, and taking capacity is a conditional update that
 * cannot exceed what the worker declared.
 */
@Repository
public class WorkerRepository {

  public static final String COLUMNS =
      """
      seq, worker_id, name, github_handle, skills, capacity_points, max_concurrent_tasks, status,
      paused_by, trust_tier, last_heartbeat, note, used_points, used_tasks, created_at, removed_at
      """;

  private static final String INSERT =
      """
      INSERT INTO worker (worker_id, name, github_handle, skills, capacity_points,
                          max_concurrent_tasks, status, token_hash, created_at)
      VALUES (:workerId, :name, :githubHandle, :skills, :capacityPoints,
              :maxConcurrentTasks, 'idle', :tokenHash, :now)
      """;

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM worker WHERE worker_id = :workerId";

  private static final String RECORD_HEARTBEAT =
      """
      UPDATE worker
         SET last_heartbeat = :now, status = :status, note = :note
       WHERE worker_id = :workerId AND removed_at IS NULL
      """;

  private static final String RECORD_SEEN =
      """
      UPDATE worker
         SET last_heartbeat = :now
       WHERE worker_id = :workerId AND removed_at IS NULL
         AND (last_heartbeat IS NULL OR last_heartbeat < :recordsBelow)
      """;

  private static final String RECORD_LEASES_RENEWED =
      """
      UPDATE worker
         SET leases_renewed_at = :now
       WHERE worker_id = :workerId
      """;

  private static final String MARK_ONLINE =
      """
      UPDATE worker
         SET online = 1
       WHERE worker_id = :workerId AND online = 0 AND removed_at IS NULL
      """;

  private static final String STALE_ONLINE =
      """
      SELECT worker_id
        FROM worker
       WHERE online = 1 AND last_heartbeat < :onlineSince
       ORDER BY last_heartbeat
       LIMIT :limit
      """;

  private static final String MARK_OFFLINE =
      """
      UPDATE worker
         SET online = 0
       WHERE worker_id = :workerId AND online = 1 AND last_heartbeat < :onlineSince
      """;

  private static final String WAITING_FOR_WORK =
      """
      SELECT worker_id
        FROM worker
       WHERE online = 1 AND last_heartbeat >= :onlineSince AND removed_at IS NULL
         AND paused_by IS NULL AND status <> 'paused' AND used_tasks < max_concurrent_tasks
       ORDER BY used_points, used_tasks, last_heartbeat DESC
       LIMIT :limit
      """;

  private static final String TAKE_CAPACITY =
      """
      UPDATE worker
         SET used_points = used_points + :points, used_tasks = used_tasks + 1
       WHERE worker_id = :workerId AND removed_at IS NULL
         AND paused_by IS NULL AND status <> 'paused' AND last_heartbeat >= :onlineSince
         AND trust_tier >= :tier
         AND used_tasks < max_concurrent_tasks AND used_points + :points <= capacity_points
      """;

  private static final String RESUME_CAPACITY =
      """
      UPDATE worker
         SET used_points = used_points + :points, used_tasks = used_tasks + :tasks
       WHERE worker_id = :workerId
         AND used_tasks + :tasks <= max_concurrent_tasks
         AND used_points + :points <= capacity_points
      """;

  private static final String ADJUST_LOAD =
      """
      UPDATE worker
         SET used_points = used_points + :points, used_tasks = used_tasks + :tasks
       WHERE worker_id = :workerId
      """;

  private static final String PAUSE =
      """
      UPDATE worker
         SET paused_by = :pausedBy
       WHERE worker_id = :workerId AND removed_at IS NULL
      """;

  private static final String RESUME =
      """
      UPDATE worker
         SET paused_by = NULL
       WHERE worker_id = :workerId AND removed_at IS NULL
      """;

  private static final String SET_TIER =
      """
      UPDATE worker
         SET trust_tier = :tier
       WHERE worker_id = :workerId AND removed_at IS NULL
      """;

  private static final String REMOVE =
      """
      UPDATE worker
         SET removed_at = :now, token_hash = NULL, online = 0
       WHERE worker_id = :workerId AND removed_at IS NULL
      """;

  public static final RowMapper<WorkerRecord> WORKER =
      (rs, i) ->
          new WorkerRecord(
              rs.getLong("seq"),
              WorkerId.of(rs.getString("worker_id")),
              rs.getString("name"),
              rs.getString("github_handle"),
              JsonColumns.strings(rs.getString("skills")),
              rs.getInt("capacity_points"),
              rs.getInt("max_concurrent_tasks"),
              WorkerStatus.fromWire(rs.getString("status")),
              rs.getString("paused_by") == null
                  ? null
                  : PausedBy.fromWire(rs.getString("paused_by")),
              rs.getInt("trust_tier"),
              EpochMillis.readNullable(rs, "last_heartbeat"),
              rs.getString("note"),
              rs.getInt("used_points"),
              rs.getInt("used_tasks"),
              EpochMillis.read(rs, "created_at"),
              EpochMillis.readNullable(rs, "removed_at"));

  private final JdbcClient jdbc;

  WorkerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(WorkerId id, WorkerRegistration registration, String tokenHash, Instant now) {
    jdbc.sql(INSERT)
        .param("workerId", id.value())
        .param("name", registration.name())
        .param("githubHandle", registration.githubHandle())
        .param("skills", JsonColumns.write(registration.skills()))
        .param("capacityPoints", registration.capacityPoints())
        .param("maxConcurrentTasks", registration.maxConcurrentTasks())
        .param("tokenHash", tokenHash)
        .param("now", EpochMillis.of(now))
        .update();
  }

  /** The worker, removed or not. */
  public Optional<WorkerRecord> find(WorkerId id) {
    return jdbc.sql(FIND).param("workerId", id.value()).query(WORKER).optional();
  }

  /** Records a heartbeat: time, reported status and note. */
  void recordHeartbeat(WorkerId id, Instant now, WorkerStatus status, @Nullable String note) {
    jdbc.sql(RECORD_HEARTBEAT)
        .param("workerId", id.value())
        .param("now", EpochMillis.of(now))
        .param("status", status.wireName())
        .param("note", note)
        .update();
  }

  /**
   * Records that the worker was heard from, without a heartbeat's status, unless the time on record
   * is already at or after {@code recordsBelow}; true when it recorded.
   */
  boolean recordSeen(WorkerId id, Instant now, Instant recordsBelow) {
    return jdbc.sql(RECORD_SEEN)
            .param("workerId", id.value())
            .param("now", EpochMillis.of(now))
            .param("recordsBelow", EpochMillis.of(recordsBelow))
            .update()
        == 1;
  }

  /**
   * Records that all the worker's leases were renewed at {@code now}, in the transaction that
   * renewed them.
   */
  public void recordLeasesRenewed(WorkerId id, Instant now) {
    jdbc.sql(RECORD_LEASES_RENEWED)
        .param("workerId", id.value())
        .param("now", EpochMillis.of(now))
        .update();
  }

  /** Marks the worker online; true when it was offline. */
  boolean markOnline(WorkerId id) {
    return jdbc.sql(MARK_ONLINE).param("workerId", id.value()).update() == 1;
  }

  /** Workers marked online whose last heartbeat is older than {@code onlineSince}. */
  List<WorkerId> staleOnline(Instant onlineSince, int limit) {
    return jdbc.sql(STALE_ONLINE)
        .param("onlineSince", EpochMillis.of(onlineSince))
        .param("limit", limit)
        .query((rs, i) -> WorkerId.of(rs.getString("worker_id")))
        .list();
  }

  /** Marks a stale worker offline; true when this call did it. */
  boolean markOffline(WorkerId id, Instant onlineSince) {
    return jdbc.sql(MARK_OFFLINE)
            .param("workerId", id.value())
            .param("onlineSince", EpochMillis.of(onlineSince))
            .update()
        == 1;
  }

  /** Online, unpaused workers with a free slot, least loaded first. */
  public List<WorkerId> waitingForWork(Instant onlineSince, int limit) {
    return jdbc.sql(WAITING_FOR_WORK)
        .param("onlineSince", EpochMillis.of(onlineSince))
        .param("limit", limit)
        .query((rs, i) -> WorkerId.of(rs.getString("worker_id")))
        .list();
  }

  /**
   * Takes capacity for a new lease of a task of {@code points} and {@code tier}: only while the
   * worker is online, unpaused, trusted enough, and has a free slot and enough points.
   */
  public boolean takeCapacity(WorkerId id, int points, int tier, Instant onlineSince) {
    return jdbc.sql(TAKE_CAPACITY)
            .param("workerId", id.value())
            .param("points", points)
            .param("tier", tier)
            .param("onlineSince", EpochMillis.of(onlineSince))
            .update()
        == 1;
  }

  /** Takes capacity back for a task the worker resumes; false when it would exceed its limits. */
  public boolean resumeCapacity(WorkerId id, int points, int tasks) {
    return jdbc.sql(RESUME_CAPACITY)
            .param("workerId", id.value())
            .param("points", points)
            .param("tasks", tasks)
            .update()
        == 1;
  }

  /** Changes the worker's usage by the given amounts (negative when capacity is freed). */
  public void adjustLoad(WorkerId id, int points, int tasks) {
    if (points != 0 || tasks != 0) {
      jdbc.sql(ADJUST_LOAD)
          .param("workerId", id.value())
          .param("points", points)
          .param("tasks", tasks)
          .update();
    }
  }

  boolean pause(WorkerId id, PausedBy by) {
    return jdbc.sql(PAUSE).param("workerId", id.value()).param("pausedBy", by.wireName()).update()
        == 1;
  }

  boolean resume(WorkerId id) {
    return jdbc.sql(RESUME).param("workerId", id.value()).update() == 1;
  }

  boolean setTier(WorkerId id, int tier) {
    return jdbc.sql(SET_TIER).param("workerId", id.value()).param("tier", tier).update() == 1;
  }

  /** Removes the worker: its token stops working. True when this call removed it. */
  public boolean remove(WorkerId id, Instant now) {
    return jdbc.sql(REMOVE).param("workerId", id.value()).param("now", EpochMillis.of(now)).update()
        == 1;
  }
}
