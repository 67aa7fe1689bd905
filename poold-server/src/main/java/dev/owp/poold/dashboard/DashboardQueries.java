package dev.owp.poold.dashboard;

import dev.owp.poold.event.EventQueries;
import dev.owp.poold.repo.RepoQueries;
import dev.owp.poold.state.StateQueries;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.poold.storage.Reader;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.poold.web.Cursors;
import dev.owp.poold.worker.WorkerQueries;
import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's read-only queries: a fixed number per page, none per row. Every list is bounded
 * and every filter combination of the task list is served by an index in keyset order, so a page
 * costs the same at 100 tasks and at 100,000.
 */
@Component
class DashboardQueries {

  /** Tasks per page of the task list. */
  static final int TASKS_PER_PAGE = 50;

  /** Workers shown; a larger pool is listed through the API. */
  static final int WORKERS_SHOWN = 200;

  /** Events in the "recent events" list. */
  static final int RECENT_EVENTS = 30;

  /** Events on a task's page; a task with a longer history shows its newest ones. */
  static final int HISTORY_LIMIT = 500;

  private static final String LAST_EVENT_ID = "SELECT COALESCE(MAX(id), 0) FROM event";

  private static final String HELD_LOCKS =
      """
      SELECT l.repo, l.area, l.task_id, t.worker_id
        FROM area_lock l
        JOIN task t ON t.task_id = l.task_id
       ORDER BY l.repo, l.area
      """;

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

  DashboardView dashboard(TaskFilter filter) {
    // Read first: whatever changes while the rest is read comes after it, so the live feed will
    // announce it and the page will catch up.
    long lastEventId = lastEventId();
    AdminState counts = state.state();
    Instant now = counts.serverTime();
    Map<TaskStatus, Integer> byStatus = byStatus(counts);
    List<RepoView> repoViews = repos.all();
    Map<String, List<RepoPanel.HeldLock>> locks = heldLocks();
    WorkerPage workerPage = workers.page(new WorkerQuery(null, WORKERS_SHOWN, null));
    return new DashboardView(
        now,
        byStatus,
        byStatus.values().stream().mapToInt(Integer::intValue).sum(),
        counts.workersOnline(),
        counts.workersTotal(),
        counts.reposThrottled(),
        repoViews.stream()
            .map(r -> RepoPanel.of(r, locks.getOrDefault(r.repo(), List.of())))
            .toList(),
        workerPage.workers().stream().map(w -> WorkerRow.of(w, now)).toList(),
        workerPage.nextCursor() != null,
        repoViews.stream().map(RepoView::repo).toList(),
        tasks(filter),
        events.page(new EventQuery(null, null, null, null, RECENT_EVENTS, null)).events().stream()
            .map(e -> EventRow.of(e, now))
            .toList(),
        lastEventId);
  }

  Optional<TaskDetailView> task(TaskId id, Instant now) {
    long lastEventId = lastEventId();
    Optional<TaskRecord> task =
        jdbc.sql("SELECT " + TaskRepository.COLUMNS + " FROM task WHERE task_id = :taskId")
            .param("taskId", id.value())
            .query(TaskRepository.TASK)
            .optional();
    if (task.isEmpty()) {
      return Optional.empty();
    }
    List<EventView> newestFirst =
        events.page(new EventQuery(id, null, null, null, HISTORY_LIMIT, null)).events();
    List<EventRow> history = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      history.add(EventRow.of(newestFirst.get(i), now));
    }
    return Optional.of(new TaskDetailView(task.get().view(), history, now, lastEventId));
  }

  long lastEventId() {
    return jdbc.sql(LAST_EVENT_ID).query(Long.class).single();
  }

  /**
   * A page of tasks, newest first. Repository and status use the indexes {@code (repo, seq)},
   * {@code (status, seq)} and {@code (repo, status, seq)}; skill and title are checked on the rows
   * those indexes yield in order, and the scan stops at the page's last row.
   */
  TaskList tasks(TaskFilter filter) {
    Long before = Cursors.key(filter.cursor());
    StringBuilder sql =
        new StringBuilder("SELECT " + TaskRepository.COLUMNS + " FROM task WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.repo() != null) {
      sql.append(" AND repo = :repo");
      params.put("repo", filter.repo());
    }
    if (filter.status() != null) {
      sql.append(" AND status = :status");
      params.put("status", filter.status().wireName());
    }
    if (filter.skill() != null) {
      // Skills are stored as a compact JSON array, so a skill is there exactly when its JSON
      // string (quotes included) is: the same test on SQLite and PostgreSQL.
      sql.append(" AND required_skills LIKE :skill ESCAPE '\\'");
      params.put("skill", "%" + escapeLike(JsonColumns.write(filter.skill())) + "%");
    }
    if (filter.title() != null) {
      sql.append(" AND LOWER(title) LIKE :title ESCAPE '\\'");
      params.put("title", "%" + escapeLike(filter.title().toLowerCase(Locale.ROOT)) + "%");
    }
    if (before != null) {
      sql.append(" AND seq < :before");
      params.put("before", before);
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    params.put("limit", TASKS_PER_PAGE + 1);
    List<TaskRecord> rows =
        jdbc.sql(sql.toString()).params(params).query(TaskRepository.TASK).list();
    if (rows.size() <= TASKS_PER_PAGE) {
      return new TaskList(filter, rows.stream().map(TaskRecord::view).toList(), null);
    }
    List<TaskRecord> page = rows.subList(0, TASKS_PER_PAGE);
    return new TaskList(
        filter,
        page.stream().map(TaskRecord::view).toList(),
        filter.hrefAfter(Cursors.after(page.get(page.size() - 1).seq())));
  }

  private static Map<TaskStatus, Integer> byStatus(AdminState counts) {
    Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
    byStatus.put(TaskStatus.READY, counts.tasksReady());
    byStatus.put(TaskStatus.LEASED, counts.tasksLeased());
    byStatus.put(TaskStatus.IN_PROGRESS, counts.tasksInProgress());
    byStatus.put(TaskStatus.BLOCKED, counts.tasksBlocked());
    byStatus.put(TaskStatus.PR_OPENED, counts.tasksPrOpened());
    byStatus.put(TaskStatus.MERGED, counts.tasksMerged());
    byStatus.put(TaskStatus.CANCELLED, counts.tasksCancelled());
    return byStatus;
  }

  private Map<String, List<RepoPanel.HeldLock>> heldLocks() {
    Map<String, List<RepoPanel.HeldLock>> locks = new HashMap<>();
    jdbc.sql(HELD_LOCKS)
        .query(
            rs -> {
              locks
                  .computeIfAbsent(rs.getString("repo"), key -> new ArrayList<>())
                  .add(
                      new RepoPanel.HeldLock(
                          rs.getString("area"),
                          rs.getString("task_id"),
                          rs.getString("worker_id")));
            });
    return locks;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
