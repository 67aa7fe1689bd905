package dev.owp.poold.task;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.event.EventLog;
import dev.owp.poold.metrics.SchedulerMetrics;
import dev.owp.poold.repo.AreaLockRepository;
import dev.owp.poold.repo.TrackedRepo;
import dev.owp.poold.repo.TrackedRepoRepository;
import dev.owp.poold.web.ApiException;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseRules;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.Occupancy;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every change of a task's status, with its bookkeeping: the worker's capacity, the repository's
 * review budget, the area lock and the audit event, all in the caller's transaction.
 *
 * <p>Rows are always locked in the same order, worker → area lock → task → repository, so that
 * concurrent transactions on PostgreSQL cannot deadlock. The repository row comes last because it
 * is the one row that every lease and every finished task of the repository updates: taken just
 * before the commit, it is held for the audit event's insert instead of the whole move. The event
 * comes after it so that the events of one repository are numbered in the order its row was taken,
 * and the log replayed in id order never shows the budget exceeded. When a conditional update finds
 * the state changed, the method throws (or, for a lease, says so) and the caller's transaction
 * rolls back, so the counters never drift from the tasks.
 */
@Component
public class TaskMoves {

  /** What became of an attempt to lease a task. */
  public enum LeaseOutcome {
    /** The worker holds the task now. */
    GRANTED,
    /** The worker is offline, paused, full, or not trusted enough. */
    WORKER_UNAVAILABLE,
    /** The repository's review budget is used up. */
    BUDGET_EXHAUSTED,
    /** Another held task locks the task's area. */
    AREA_LOCKED,
    /** Someone else leased or changed the task first. */
    TASK_TAKEN
  }

  private final TaskRepository tasks;
  private final WorkerRepository workers;
  private final TrackedRepoRepository repos;
  private final AreaLockRepository locks;
  private final EventLog events;
  private final PooldProperties properties;
  private final SchedulerMetrics metrics;

  TaskMoves(
      TaskRepository tasks,
      WorkerRepository workers,
      TrackedRepoRepository repos,
      AreaLockRepository locks,
      EventLog events,
      PooldProperties properties,
      SchedulerMetrics metrics) {
    this.tasks = tasks;
    this.workers = workers;
    this.repos = repos;
    this.locks = locks;
    this.events = events;
    this.properties = properties;
    this.metrics = metrics;
  }

  /**
   * Leases a ready task to a worker: ready → leased. Unless the outcome is {@link
   * LeaseOutcome#GRANTED}, some rows may have changed and the caller must roll back.
   *
   * @param version the task's version when it was chosen; a task redefined since is not leased
   */
  public LeaseOutcome lease(Candidate task, long version, WorkerId worker, Instant now) {
    // Many workers plan the same head of the queue; most losers stop here, before writing, and on
    // PostgreSQL without waiting for the claim that is taking it.
    if (!tasks.lockIfReadyAt(task.id(), version)) {
      return LeaseOutcome.TASK_TAKEN;
    }
    boolean areaLocks = repos.find(task.repo()).map(TrackedRepo::areaLocksEnabled).orElse(false);
    return leaseLocked(task, version, areaLocks, worker, now);
  }

  /**
   * {@link #lease} for a task that the caller's transaction has already locked, together with the
   * repository's settings: the locking claim of PostgreSQL, which reads both as it chooses, so a
   * lease costs two statements fewer.
   *
   * @param areaLocks whether the task's repository locks areas, as read in this transaction
   */
  public LeaseOutcome leaseLocked(
      Candidate task, long version, boolean areaLocks, WorkerId worker, Instant now) {
    Instant onlineSince = Presence.onlineSince(now, properties.heartbeatTtl());
    if (!workers.takeCapacity(worker, task.estimatePoints(), task.tier(), onlineSince)) {
      return LeaseOutcome.WORKER_UNAVAILABLE;
    }
    Optional<AreaKey> area = task.area();
    if (areaLocks && area.isPresent() && !locks.tryLock(task.repo(), area.get(), task.id())) {
      return LeaseOutcome.AREA_LOCKED;
    }
    LeaseId lease = LeaseId.random();
    Instant expiresAt = LeaseRules.expiresAt(now, properties.leaseTtl());
    if (!tasks.leaseIfReady(task.id(), version, worker, lease, now, expiresAt)) {
      return LeaseOutcome.TASK_TAKEN;
    }
    if (!repos.takeReviewSlot(task.repo())) {
      return LeaseOutcome.BUDGET_EXHAUSTED;
    }
    // The event after the repository row, not before: on PostgreSQL the row orders the leases and
    // finished tasks of a repository, and so its events' ids do too, so that the log replays in
    // id order without a repository ever over its budget.
    events
        .record(EventType.TASK_LEASED, now)
        .worker(worker)
        .repo(task.repo())
        .task(task.id())
        .with("lease_id", lease)
        .with("lease_expires_at", expiresAt)
        .append();
    return LeaseOutcome.GRANTED;
  }

  /**
   * A worker's report moves the task it holds to {@code to} (or notes progress when {@code to} is
   * its status). The caller has checked that the worker holds it and that the move is legal.
   *
   * @return when the task's lease now expires; null once the worker no longer holds it
   * @throws ApiException 409 when resuming would exceed the worker's capacity, or the task changed
   */
  public @Nullable Instant advance(
      TaskRecord task,
      TaskStatus to,
      @Nullable String message,
      @Nullable Artifact reported,
      Instant now) {
    WorkerId worker = requireWorker(task);
    Occupancy change = Occupancy.change(task.status(), to, task.estimatePoints());
    if (change.takesWorkerCapacity()) {
      if (!workers.resumeCapacity(worker, change.workerPoints(), change.workerTasks())) {
        throw new ApiException(
                ProblemType.CAPACITY_EXCEEDED,
                "Worker "
                    + worker
                    + " has no free capacity to resume task "
                    + task.id()
                    + ": finish, block or release another task first")
            .with("task_id", task.id().value());
      }
    } else {
      workers.adjustLoad(worker, change.workerPoints(), change.workerTasks());
    }
    if (!to.isHeld()) {
      locks.release(task.repo(), task.area(), task.id());
    }
    Artifact artifact = task.artifact() == null ? reported : task.artifact().updatedBy(reported);
    boolean held = to.isHeld();
    Instant expiresAt = held ? LeaseRules.expiresAt(now, properties.leaseTtl()) : null;
    if (!tasks.changeStatus(
        task,
        to,
        message,
        artifact == null || artifact.isEmpty() ? null : artifact,
        held ? task.leaseId() : null,
        expiresAt,
        now)) {
      throw changedMeanwhile(task);
    }
    repos.adjustHeld(task.repo(), change.reviewSlots());
    events
        .record(EventType.TASK_STATUS, now)
        .worker(worker)
        .repo(task.repo())
        .task(task.id())
        .with("from", task.status())
        .with("status", to)
        .with("message", message)
        .with("artifact", reported)
        .append();
    return expiresAt;
  }

  /**
   * Sends a held task back to the pool: held → ready, attempt + 1, its worker's capacity, its
   * review slot and its area lock freed.
   *
   * @param note the caller's words, appended to the task's message
   * @throws ApiException 409 when the task changed meanwhile (for an expiry: when it was renewed)
   */
  public void returnToPool(TaskRecord task, PoolReturn why, @Nullable String note, Instant now) {
    WorkerId worker = requireWorker(task);
    Occupancy change = Occupancy.change(task.status(), TaskStatus.READY, task.estimatePoints());
    workers.adjustLoad(worker, change.workerPoints(), change.workerTasks());
    locks.release(task.repo(), task.area(), task.id());
    boolean returned =
        switch (why) {
          case LEASE_EXPIRED -> tasks.returnExpiredToPool(task, why.message(note), now);
          case RELEASED ->
              tasks.returnToPool(
                  task, why.message(note), worker, now.plus(PoolReturn.RELEASE_COOLDOWN), now);
          case REQUEUED_BY_ADMIN, WORKER_REMOVED, PR_CLOSED ->
              tasks.returnToPool(task, why.message(note), null, null, now);
        };
    if (!returned) {
      throw changedMeanwhile(task);
    }
    repos.adjustHeld(task.repo(), change.reviewSlots());
    events
        .record(why.event(), now)
        .worker(why == PoolReturn.RELEASED ? worker : null)
        .repo(task.repo())
        .task(task.id())
        .with("reason", why.reason())
        .with("from", task.status())
        .with("worker_id", worker)
        .with("attempt", task.attempt() + 1)
        .with("note", note)
        .append();
    metrics.returnedToPool(why.reason());
  }

  /** An admin cancels an unfinished task: → cancelled, freeing whatever it held. */
  public void cancel(TaskRecord task, @Nullable String note, Instant now) {
    String message = note == null ? "cancelled by an admin" : "cancelled by an admin: " + note;
    cancel(task, message, note, false, now);
  }

  /**
   * The GitHub issue of a ready task went away (closed, lost its label, deleted): ready →
   * cancelled, marked withdrawn, so that importing the issue again reopens it ({@link #reopen}).
   *
   * @param reason e.g. {@code issue #12 was closed on GitHub}
   */
  public void withdraw(TaskRecord task, String reason, Instant now) {
    if (task.status() != TaskStatus.READY) {
      throw new IllegalStateException("task " + task.id() + " is not ready: " + task.status());
    }
    cancel(task, "withdrawn: " + reason, reason, true, now);
  }

  private void cancel(
      TaskRecord task, String message, @Nullable String note, boolean withdrawn, Instant now) {
    Occupancy change = Occupancy.change(task.status(), TaskStatus.CANCELLED, task.estimatePoints());
    if (task.workerId() != null) {
      workers.adjustLoad(task.workerId(), change.workerPoints(), change.workerTasks());
    }
    locks.release(task.repo(), task.area(), task.id());
    if (!tasks.cancel(task, message, withdrawn, now)) {
      throw changedMeanwhile(task);
    }
    repos.adjustHeld(task.repo(), change.reviewSlots());
    events
        .record(EventType.TASK_CANCELLED, now)
        .repo(task.repo())
        .task(task.id())
        .with("from", task.status())
        .with("worker_id", task.status().isHeld() ? task.workerId() : null)
        .with("note", note)
        .with("withdrawn", withdrawn ? true : null)
        .append();
  }

  /**
   * A withdrawn task is imported again because its issue is open with the label again: cancelled →
   * ready, with the new definition {@code spec}. It held nothing when it was withdrawn, so nothing
   * else changes. Recorded as a {@code task.update} with {@code status} among the changed fields.
   *
   * @param changed the definition fields {@code spec} changes
   * @throws ApiException 409 when the task changed meanwhile
   */
  public void reopen(TaskRecord task, TaskSpec spec, List<String> changed, Instant now) {
    if (!task.withdrawn() || task.status() != TaskStatus.CANCELLED) {
      throw new IllegalStateException("task " + task.id() + " was not withdrawn");
    }
    String message = "reopened: imported again after it was withdrawn";
    if (!tasks.reopenIfWithdrawn(task, spec, message, now)) {
      throw changedMeanwhile(task);
    }
    List<String> fields = new ArrayList<>();
    fields.add("status");
    fields.addAll(changed);
    events
        .record(EventType.TASK_UPDATE, now)
        .repo(task.repo())
        .task(task.id())
        .with("key", task.key())
        .with("changed", fields)
        .with("from", TaskStatus.CANCELLED)
        .with("status", TaskStatus.READY)
        .with("reason", "reopened")
        .append();
  }

  private static WorkerId requireWorker(TaskRecord task) {
    if (task.workerId() == null || !task.status().isHeld()) {
      throw new IllegalStateException("task " + task.id() + " is not held: " + task.status());
    }
    return task.workerId();
  }

  private static ApiException changedMeanwhile(TaskRecord task) {
    return ApiException.conflict(
        "Task " + task.id() + " changed while this request was applied; retry");
  }
}
