package dev.owp.poold.task;

import dev.owp.poold.storage.Reader;
import dev.owp.poold.web.ApiException;
import dev.owp.poold.web.Cursors;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskView;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only views of tasks for admins: one task, and keyset-paged lists. */
@Component
public class TaskQueries {

  private static final String FIND =
      "SELECT " + TaskRepository.COLUMNS + " FROM task WHERE task_id = :taskId";

  private final JdbcClient jdbc;

  TaskQueries(@Reader JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One task. */
  public TaskView view(TaskId id) {
    return jdbc.sql(FIND)
        .param("taskId", id.value())
        .query(TaskRepository.TASK)
        .optional()
        .map(TaskRecord::view)
        .orElseThrow(() -> ApiException.notFound("Task not found: " + id));
  }

  /** A page of tasks, newest first, filtered by repository and status. */
  public TaskPage page(TaskQuery query) {
    Long before = Cursors.key(query.cursor());
    StringBuilder sql =
        new StringBuilder("SELECT " + TaskRepository.COLUMNS + " FROM task WHERE 1 = 1");
    if (query.repo() != null) {
      sql.append(" AND repo = :repo");
    }
    if (query.status() != null) {
      sql.append(" AND status = :status");
    }
    if (before != null) {
      sql.append(" AND seq < :before");
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("limit", query.limit() + 1);
    if (query.repo() != null) {
      statement = statement.param("repo", query.repo());
    }
    if (query.status() != null) {
      statement = statement.param("status", query.status().wireName());
    }
    if (before != null) {
      statement = statement.param("before", before);
    }
    List<TaskRecord> rows = statement.query(TaskRepository.TASK).list();
    if (rows.size() <= query.limit()) {
      return new TaskPage(rows.stream().map(TaskRecord::view).toList(), null);
    }
    List<TaskRecord> page = rows.subList(0, query.limit());
    return new TaskPage(
        page.stream().map(TaskRecord::view).toList(),
        Cursors.after(page.get(page.size() - 1).seq()));
  }
}
