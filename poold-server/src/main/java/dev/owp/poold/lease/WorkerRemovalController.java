package dev.owp.poold.lease;

import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /v1/admin/workers/{id}}: removes a worker and returns its tasks (admin token). */
@RestController
class WorkerRemovalController {

  private final WorkerRemoval removal;

  WorkerRemovalController(WorkerRemoval removal) {
    this.removal = removal;
  }

  @DeleteMapping("/v1/admin/workers/{workerId}")
  WorkerView remove(
      @PathVariable WorkerId workerId, @RequestBody(required = false) @Nullable Reason reason) {
    return removal.remove(workerId, reason == null ? Reason.NONE : reason);
  }
}
