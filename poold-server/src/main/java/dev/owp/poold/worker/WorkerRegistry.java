package dev.owp.poold.worker;

import dev.owp.poold.auth.Tokens;
import dev.owp.poold.event.EventLog;
import dev.owp.poold.web.ApiException;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerRegistration;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers workers, and pauses, resumes and re-tiers them. */
@Service
public class WorkerRegistry {

  private final WorkerRepository workers;
  private final EventLog events;
  private final Clock clock;

  WorkerRegistry(WorkerRepository workers, EventLog events, Clock clock) {
    this.workers = workers;
    this.events = events;
    this.clock = clock;
  }

  /** Registers a worker; the answer carries its token, which is never stored in clear. */
  @Transactional
  public RegisteredWorker register(WorkerRegistration registration) {
    Instant now = clock.instant();
    WorkerId id = WorkerId.random();
    String token = Tokens.generate();
    workers.insert(id, registration, Tokens.hash(token), now);
    events
        .record(EventType.WORKER_REGISTER, now)
        .worker(id)
        .with("name", registration.name())
        .with("github_handle", registration.githubHandle())
        .with("skills", registration.skills())
        .with("capacity_points", registration.capacityPoints())
        .with("max_concurrent_tasks", registration.maxConcurrentTasks())
        .append();
    return new RegisteredWorker(id, token);
  }

  /**
   * Pauses a worker: it keeps its leases but gets no new ones. An admin's pause overrides the
   * worker's own, and only an admin can lift it.
   */
  @Transactional
  public void pause(WorkerId id, PausedBy by, Reason reason) {
    WorkerRecord worker = existing(id);
    if (worker.pausedBy() == PausedBy.ADMIN || worker.pausedBy() == by) {
      return;
    }
    workers.pause(id, by);
    events
        .record(EventType.WORKER_PAUSED, clock.instant())
        .worker(id)
        .with("by", by)
        .with("reason", reason.reason())
        .append();
  }

  /** Lifts a pause. A worker may lift only its own pause; an admin lifts any. */
  @Transactional
  public void resume(WorkerId id, PausedBy by) {
    WorkerRecord worker = existing(id);
    if (worker.pausedBy() == null) {
      return;
    }
    if (worker.pausedBy() == PausedBy.ADMIN && by == PausedBy.WORKER) {
      throw ApiException.conflict(
          "Worker " + id + " was paused by an admin; only an admin can resume it");
    }
    workers.resume(id);
    events.record(EventType.WORKER_RESUMED, clock.instant()).worker(id).with("by", by).append();
  }

  /** Sets a worker's trust tier. Tasks it already holds stay with it. */
  @Transactional
  public void setTier(WorkerId id, TierChange change) {
    WorkerRecord worker = existing(id);
    if (worker.trustTier() == change.tier()) {
      return;
    }
    workers.setTier(id, change.tier());
    events
        .record(EventType.WORKER_TIER, clock.instant())
        .worker(id)
        .with("from", worker.trustTier())
        .with("to", change.tier())
        .with("reason", change.reason())
        .append();
  }

  private WorkerRecord existing(WorkerId id) {
    return workers
        .find(id)
        .filter(worker -> worker.removedAt() == null)
        .orElseThrow(() -> ApiException.notFound("Worker not found: " + id));
  }
}
