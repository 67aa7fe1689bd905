package dev.owp.poold.dashboard;

import dev.owp.poold.event.EventQueries;
import dev.owp.poold.repo.RepoQueries;
import dev.owp.poold.state.StateQueries;
import dev.owp.poold.storage.Reader;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.poold.worker.WorkerQueries;
import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.WorkerQuery;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's read-only queries: a fixed number per page, none per row. */
@Component
class DashboardQueries {

  private static final String RECENT_TASKS =
      "SELECT " + TaskRepository.COLUMNS + " FROM task ORDER BY updated_at DESC LIMIT 50";

  private final JdbcClient jdbc;
  private final StateQueries state;
  private final RepoQueries repos;
  private final WorkerQueries workers;
  private final EventQueries events;

  DashboardQueries(
      @Reader JdbcClient jdbc,
      StateQueries state,
      RepoQueries repos,
      WorkerQueries workers,
      EventQueries events) {
    this.jdbc = jdbc;
    this.state = state;
    this.repos = repos;
    this.workers = workers;
    this.events = events;
  }

  DashboardView dashboard() {
    AdminState counts = state.state();
    return new DashboardView(
        counts.serverTime(),
        state.tasksByStatus(),
        counts.workersOnline(),
        counts.workersTotal(),
        repos.all(),
        workers.page(new WorkerQuery(null, 200, null)).workers(),
        recentTasks(),
        events.page(new EventQuery(null, null, null, null, 50, null)).events());
  }

  private List<TaskView> recentTasks() {
    return jdbc.sql(RECENT_TASKS).query(TaskRepository.TASK).list().stream()
        .map(TaskRecord::view)
        .toList();
  }
}
