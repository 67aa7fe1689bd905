package dev.owp.poold.worker;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.Reader;
import dev.owp.poold.storage.StatusSql;
import dev.owp.poold.web.ApiException;
import dev.owp.poold.web.Cursors;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import dev.owp.protocol.worker.WorkerView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only views of workers, for admins, the dashboard and the worker itself. */
@Component
public class WorkerQueries {

  private static final String HELD_TASKS =
      "(SELECT COUNT(*) FROM task t WHERE t.worker_id = w.worker_id AND t.status IN (%s)) AS held_tasks"
          .formatted(StatusSql.HELD);

  private static final String VIEW =
      "SELECT "
          + WorkerRepository.COLUMNS
          + ", "
          + HELD_TASKS
          + " FROM worker w WHERE worker_id = :workerId AND removed_at IS NULL";

  private final JdbcClient jdbc;
  private final PooldProperties properties;
  private final Clock clock;

  WorkerQueries(@Reader JdbcClient jdbc, PooldProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** One worker that was not removed. */
  public WorkerView view(WorkerId id) {
    Instant now = clock.instant();
    return jdbc.sql(VIEW)
        .param("workerId", id.value())
        .query(
            (rs, i) ->
                WorkerRepository.WORKER
                    .mapRow(rs, i)
                    .view(rs.getInt("held_tasks"), now, properties.heartbeatTtl()))
        .optional()
        .orElseThrow(() -> ApiException.notFound("Worker not found: " + id));
  }

  /** A page of workers that were not removed, oldest first. */
  public WorkerPage page(WorkerQuery query) {
    Instant now = clock.instant();
    Long after = Cursors.key(query.cursor());
    StringBuilder sql =
        new StringBuilder(
            "SELECT "
                + WorkerRepository.COLUMNS
                + ", "
                + HELD_TASKS
                + " FROM worker w WHERE removed_at IS NULL");
    if (after != null) {
      sql.append(" AND seq > :after");
    }
    if (query.online() != null) {
      sql.append(
          query.online()
              ? " AND last_heartbeat >= :onlineSince"
              : " AND (last_heartbeat IS NULL OR last_heartbeat < :onlineSince)");
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", query.limit() + 1);
    if (after != null) {
      statement = statement.param("after", after);
    }
    if (query.online() != null) {
      statement =
          statement.param(
              "onlineSince", EpochMillis.of(Presence.onlineSince(now, properties.heartbeatTtl())));
    }
    List<Long> seqs = new ArrayList<>();
    List<WorkerView> workers =
        statement
            .query(
                (rs, i) -> {
                  seqs.add(rs.getLong("seq"));
                  return WorkerRepository.WORKER
                      .mapRow(rs, i)
                      .view(rs.getInt("held_tasks"), now, properties.heartbeatTtl());
                })
            .list();
    if (workers.size() <= query.limit()) {
      return new WorkerPage(workers, null);
    }
    return new WorkerPage(
        workers.subList(0, query.limit()), Cursors.after(seqs.get(query.limit() - 1)));
  }
}
