package dev.owp.poold.event;

import dev.owp.poold.web.ApiException;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/admin/events}: the audit log, newest first (admin token). */
@RestController
class EventController {

  private final EventQueries queries;

  EventController(EventQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/v1/admin/events")
  EventPage events(
      @RequestParam(name = "task_id", required = false) @Nullable TaskId taskId,
      @RequestParam(name = "worker_id", required = false) @Nullable WorkerId workerId,
      @RequestParam(required = false) @Nullable String repo,
      @RequestParam(required = false) @Nullable EventType type,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return queries.page(
        ApiException.validated(() -> new EventQuery(taskId, workerId, repo, type, limit, cursor)));
  }
}
