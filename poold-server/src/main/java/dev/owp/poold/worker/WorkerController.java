package dev.owp.poold.worker;

import dev.owp.poold.auth.AuthenticatedWorker;
import dev.owp.poold.web.Refuses;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerView;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/workers}: registration, and a worker's view of itself. */
@RestController
@RequestMapping("/v1/workers")
class WorkerController {

  private final WorkerRegistry registry;
  private final WorkerQueries queries;

  WorkerController(WorkerRegistry registry, WorkerQueries queries) {
    this.registry = registry;
    this.queries = queries;
  }

  /** Registers a worker. Open to anyone who can reach poold, as in v0.1; answers 200. */
  @PostMapping("/register")
  RegisteredWorker register(@RequestBody WorkerRegistration registration) {
    return registry.register(registration);
  }

  /** The calling worker. */
  @GetMapping("/me")
  WorkerView me(AuthenticatedWorker worker) {
    return queries.view(worker.id());
  }

  /** Pauses the calling worker: no new leases until it resumes. */
  @PostMapping("/pause")
  WorkerView pause(
      AuthenticatedWorker worker, @RequestBody(required = false) @Nullable Reason reason) {
    registry.pause(worker.id(), PausedBy.WORKER, reason == null ? Reason.NONE : reason);
    return queries.view(worker.id());
  }

  /** Lifts the calling worker's own pause. */
  @Refuses({ProblemType.CONFLICT})
  @PostMapping("/resume")
  WorkerView resume(AuthenticatedWorker worker) {
    registry.resume(worker.id(), PausedBy.WORKER);
    return queries.view(worker.id());
  }
}
