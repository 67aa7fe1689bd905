package dev.owp.poold.worker;

import dev.owp.poold.web.ApiException;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import dev.owp.protocol.worker.WorkerView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/admin/workers}: list, pause, resume and re-tier workers (admin token). */
@RestController
@RequestMapping("/v1/admin/workers")
class WorkerAdminController {

  private final WorkerRegistry registry;
  private final WorkerQueries queries;

  WorkerAdminController(WorkerRegistry registry, WorkerQueries queries) {
    this.registry = registry;
    this.queries = queries;
  }

  /** A page of workers, oldest first; {@code online} filters by presence. */
  @GetMapping
  WorkerPage list(
      @RequestParam(required = false) @Nullable Boolean online,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    return queries.page(ApiException.validated(() -> new WorkerQuery(online, limit, cursor)));
  }

  @GetMapping("/{workerId}")
  WorkerView get(@PathVariable WorkerId workerId) {
    return queries.view(workerId);
  }

  @PostMapping("/{workerId}/pause")
  WorkerView pause(
      @PathVariable WorkerId workerId, @RequestBody(required = false) @Nullable Reason reason) {
    registry.pause(workerId, PausedBy.ADMIN, reason == null ? Reason.NONE : reason);
    return queries.view(workerId);
  }

  @PostMapping("/{workerId}/resume")
  WorkerView resume(@PathVariable WorkerId workerId) {
    registry.resume(workerId, PausedBy.ADMIN);
    return queries.view(workerId);
  }

  @PostMapping("/{workerId}/tier")
  WorkerView setTier(@PathVariable WorkerId workerId, @RequestBody TierChange change) {
    registry.setTier(workerId, change);
    return queries.view(workerId);
  }
}
