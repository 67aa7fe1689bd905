package dev.owp.poold.event;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.poold.storage.Reader;
import dev.owp.poold.web.Cursors;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log: keyset-paged, newest first, filtered by task, worker, repo or type. */
@Component
public class EventQueries {

  private static final String COLUMNS = "id, at, type, worker_id, repo, task_id, details";

  private static final String WAS_LEASED_TO =
      """
      SELECT COUNT(*)
        FROM event
       WHERE task_id = :taskId AND type = 'task.leased' AND worker_id = :workerId
      """;

  private static final RowMapper<EventView> EVENT =
      (rs, i) ->
          new EventView(
              rs.getLong("id"),
              EpochMillis.read(rs, "at"),
              EventType.fromWire(rs.getString("type")),
              rs.getString("worker_id") == null ? null : WorkerId.of(rs.getString("worker_id")),
              rs.getString("repo"),
              rs.getString("task_id") == null ? null : TaskId.of(rs.getString("task_id")),
              JsonColumns.object(rs.getString("details")));

  private final JdbcClient jdbc;

  EventQueries(@Reader JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of events, newest first. */
  public EventPage page(EventQuery query) {
    Long before = Cursors.key(query.cursor());
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM event WHERE 1 = 1");
    if (query.taskId() != null) {
      sql.append(" AND task_id = :taskId");
    }
    if (query.workerId() != null) {
      sql.append(" AND worker_id = :workerId");
    }
    if (query.repo() != null) {
      sql.append(" AND repo = :repo");
    }
    if (query.type() != null) {
      sql.append(" AND type = :type");
    }
    if (before != null) {
      sql.append(" AND id < :before");
    }
    sql.append(" ORDER BY id DESC LIMIT :limit");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", query.limit() + 1);
    if (query.taskId() != null) {
      statement = statement.param("taskId", query.taskId().value());
    }
    if (query.workerId() != null) {
      statement = statement.param("workerId", query.workerId().value());
    }
    if (query.repo() != null) {
      statement = statement.param("repo", query.repo());
    }
    if (query.type() != null) {
      statement = statement.param("type", query.type().wireName());
    }
    if (before != null) {
      statement = statement.param("before", before);
    }
    List<EventView> events = statement.query(EVENT).list();
    if (events.size() <= query.limit()) {
      return new EventPage(events, null);
    }
    List<EventView> page = events.subList(0, query.limit());
    return new EventPage(page, Cursors.after(page.get(page.size() - 1).id()));
  }

  /** True when the log shows {@code task} was ever leased to {@code worker}. */
  public boolean wasLeasedTo(TaskId task, WorkerId worker) {
    return jdbc.sql(WAS_LEASED_TO)
            .param("taskId", task.value())
            .param("workerId", worker.value())
            .query(Integer.class)
            .single()
        > 0;
  }
}
