package dev.owp.poold.lease;

import dev.owp.poold.storage.Reader;
import dev.owp.poold.storage.StatusSql;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code GET /v1/work}: the tasks a worker holds. A read on an index of the worker's own tasks: it
 * changes nothing (the original ran a scheduling cycle here) and its cost does not grow with the
 * backlog.
 */
@Component
class WorkQueries {

  private static final String HELD_BY_WORKER = heldByWorker("");

  /** The same, for some of those tasks only. */
  private static final String HELD_AMONG = heldByWorker(" AND task_id IN (:ids)");

  private static String heldByWorker(String andAlso) {
    return "SELECT "
        + TaskRepository.COLUMNS
        + " FROM task"
        + " WHERE worker_id = :workerId AND status IN ("
        + StatusSql.HELD
        + ")"
        + andAlso
        + " ORDER BY priority DESC, seq";
  }

  private final JdbcClient jdbc;

  WorkQueries(@Reader JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  WorkList workOf(WorkerId worker) {
    return new WorkList(
        worker, leaseViews(jdbc.sql(HELD_BY_WORKER).param("workerId", worker.value())));
  }

  /** Those of {@code tasks} the worker still holds, as {@link #workOf} lists them. */
  List<LeaseView> leasesOf(WorkerId worker, List<TaskId> tasks) {
    return leaseViews(
        jdbc.sql(HELD_AMONG)
            .param("ids", tasks.stream().map(TaskId::value).toList())
            .param("workerId", worker.value()));
  }

  private static List<LeaseView> leaseViews(JdbcClient.StatementSpec statement) {
    return statement.query(TaskRepository.TASK).list().stream().map(TaskRecord::leaseView).toList();
  }
}
