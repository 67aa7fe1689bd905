package dev.owp.poold.lease;

import dev.owp.poold.auth.AuthenticatedWorker;
import dev.owp.poold.schedule.Claims;
import dev.owp.poold.schedule.FreedRoom;
import dev.owp.poold.web.Refuses;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker's side of leases: heartbeats, its work, status reports and releases (bearer token).
 */
@RestController
class LeaseController {

  private final Heartbeats heartbeats;
  private final WorkQueries work;
  private final LeaseReports reports;
  private final Claims claims;

  LeaseController(Heartbeats heartbeats, WorkQueries work, LeaseReports reports, Claims claims) {
    this.heartbeats = heartbeats;
    this.work = work;
    this.reports = reports;
    this.claims = claims;
  }

  /** The worker is alive: renews its leases and, if it has room, leases it more work. */
  @PostMapping("/v1/workers/heartbeat")
  HeartbeatAck heartbeat(
      AuthenticatedWorker worker, @RequestBody(required = false) @Nullable Heartbeat heartbeat) {
    return heartbeats.beat(worker.id(), heartbeat == null ? Heartbeat.of(null, null) : heartbeat);
  }

  /** The tasks the worker holds. Read-only. */
  @GetMapping("/v1/work")
  WorkList work(AuthenticatedWorker worker) {
    return work.workOf(worker.id());
  }

  /**
   * Reports a status for a task the worker holds. When the report frees room (the pull request
   * opened, or merged), the worker is offered new work at once, as v0.1 did, and the answer lists
   * what it was granted.
   */
  @Refuses({
    ProblemType.NOT_YOUR_TASK,
    ProblemType.LEASE_LOST,
    ProblemType.ILLEGAL_TRANSITION,
    ProblemType.CAPACITY_EXCEEDED,
    ProblemType.CONFLICT
  })
  @PostMapping("/v1/tasks/{taskId}/status")
  StatusAck status(
      AuthenticatedWorker worker, @PathVariable TaskId taskId, @RequestBody StatusUpdate update) {
    return answer(worker, reports.report(worker, taskId, update));
  }

  /** Gives a held task back to the pool. */
  @Refuses({ProblemType.NOT_YOUR_TASK, ProblemType.LEASE_LOST, ProblemType.CONFLICT})
  @PostMapping("/v1/tasks/{taskId}/release")
  StatusAck release(
      AuthenticatedWorker worker,
      @PathVariable TaskId taskId,
      @RequestBody(required = false) @Nullable Reason reason) {
    return answer(worker, reports.release(worker, taskId, reason == null ? Reason.NONE : reason));
  }

  /**
   * The committed change's answer, with the leases it granted, claimed now when that waited for the
   * commit. They are read back as the worker's poll would show them, which spares it that poll.
   */
  private StatusAck answer(AuthenticatedWorker worker, LeaseReports.Outcome outcome) {
    FreedRoom freed = outcome.toFillAfterCommit();
    List<TaskId> granted =
        freed == null ? outcome.granted() : claims.offerAfterCommit(worker.id(), freed);
    return granted.isEmpty()
        ? outcome.ack()
        : outcome.ack().withNewLeases(work.leasesOf(worker.id(), granted));
  }
}
