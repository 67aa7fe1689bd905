package dev.owp.poold.schedule;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The head of a repository's ready queue, as seen by one worker: the first ready tasks in
 * scheduling order that it could take (tier, points, skills) and whose area is free.
 *
 * <p>The query walks the partial index {@code task_ready_queue (repo, priority DESC, seq) WHERE
 * status = 'ready'} and stops after {@code limit} rows, so its cost depends on the worker's free
 * slots, not on the size of the backlog. Only repositories with a free budget slot are asked.
 */
@Component
class ReadyQueue {

  private static final String HEAD_FOR_WORKER =
      """
      SELECT t.task_id, t.repo, t.priority, t.seq, t.estimate_points, t.required_skills, t.area,
             t.tier, t.version
        FROM task t
       WHERE t.repo = :repo AND t.status = 'ready'
         AND t.tier <= :tier AND t.estimate_points <= :freePoints
         AND (t.released_by IS NULL OR t.released_by <> :workerId OR t.released_until <= :now)
         AND (t.area IS NULL
              OR NOT EXISTS (SELECT 1 FROM area_lock l WHERE l.repo = t.repo AND l.area = t.area))
         AND %s
       ORDER BY t.priority DESC, t.seq
       LIMIT :limit
      """;

  private static final RowMapper<QueuedTask> QUEUED =
      (rs, i) ->
          new QueuedTask(
              new Candidate(
                  TaskId.of(rs.getString("task_id")),
                  rs.getString("repo"),
                  rs.getInt("priority"),
                  rs.getLong("seq"),
                  rs.getInt("estimate_points"),
                  JsonColumns.strings(rs.getString("required_skills")),
                  Optional.ofNullable(rs.getString("area")).map(AreaKey::new),
                  rs.getInt("tier")),
              rs.getLong("version"));

  private final JdbcClient jdbc;
  private final String headForWorker;

  ReadyQueue(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.headForWorker =
        HEAD_FOR_WORKER.formatted(dialect.skillsCovered("t.required_skills", "skills"));
  }

  /**
   * Up to {@code limit} ready tasks of {@code repo} that {@code worker} could take at {@code now},
   * leaving out those it released itself a short while ago.
   */
  List<QueuedTask> head(
      String repo, WorkerId worker, WorkerSnapshot traits, int limit, Instant now) {
    return jdbc.sql(headForWorker)
        .param("repo", repo)
        .param("workerId", worker.value())
        .param("now", EpochMillis.of(now))
        .param("tier", traits.trustTier())
        .param("freePoints", traits.load().freePoints())
        .param("skills", JsonColumns.write(traits.skills()))
        .param("limit", limit)
        .query(QUEUED)
        .list();
  }
}
