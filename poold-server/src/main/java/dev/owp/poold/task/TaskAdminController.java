package dev.owp.poold.task;

import dev.owp.poold.web.ApiException;
import dev.owp.poold.web.Refuses;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/admin/tasks}: create, import, list, requeue and cancel tasks (admin token). */
@RestController
@RequestMapping("/v1/admin/tasks")
class TaskAdminController {

  private final TaskCatalog catalog;
  private final TaskAdmin admin;
  private final TaskQueries queries;

  TaskAdminController(TaskCatalog catalog, TaskAdmin admin, TaskQueries queries) {
    this.catalog = catalog;
    this.admin = admin;
    this.queries = queries;
  }

  /** Creates a task (v0.1: {@code {"ok": true, "task_id": …}}), or updates the one with its key. */
  @Refuses({ProblemType.UNKNOWN_REPO, ProblemType.CONFLICT})
  @PostMapping
  TaskCreated create(@RequestBody TaskSpec spec) {
    return catalog.create(spec);
  }

  /** Creates or updates many tasks: all of them, or none. */
  @Refuses({ProblemType.UNKNOWN_REPO, ProblemType.CONFLICT})
  @PostMapping("/bulk")
  BulkResult createAll(@RequestBody BulkTasks bulk) {
    return catalog.createAll(bulk);
  }

  /** A page of tasks, newest first. */
  @GetMapping
  TaskPage list(
      @RequestParam(required = false) @Nullable String repo,
      @RequestParam(required = false) @Nullable TaskStatus status,
      @RequestParam(defaultValue = "" + TaskQuery.DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return queries.page(ApiException.validated(() -> new TaskQuery(repo, status, limit, cursor)));
  }

  @GetMapping("/{taskId}")
  TaskView get(@PathVariable TaskId taskId) {
    return queries.view(taskId);
  }

  @Refuses({ProblemType.CONFLICT})
  @PostMapping("/{taskId}/requeue")
  TaskView requeue(
      @PathVariable TaskId taskId, @RequestBody(required = false) @Nullable Reason reason) {
    return admin.requeue(taskId, reason == null ? Reason.NONE : reason);
  }

  @Refuses({ProblemType.CONFLICT})
  @PostMapping("/{taskId}/cancel")
  TaskView cancel(
      @PathVariable TaskId taskId, @RequestBody(required = false) @Nullable Reason reason) {
    return admin.cancel(taskId, reason == null ? Reason.NONE : reason);
  }
}
