package dev.owp.poold.lease;

import dev.owp.poold.auth.AuthenticatedWorker;
import dev.owp.poold.event.EventQueries;
import dev.owp.poold.schedule.Claims;
import dev.owp.poold.schedule.FreedRoom;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.poold.task.PoolReturn;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.poold.web.ApiException;
import dev.owp.poold.worker.WorkerPresence;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseRules;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Occupancy;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStateMachine;
import dev.owp.protocol.task.TaskStateMachine.WorkerMove;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a worker says about a task it holds: a status report, or giving it back. Either one is a
 * sign of life that renews all the worker's leases, unless they were all renewed within the last
 * hundredth of the TTL ({@link LeaseRules#renewedRecently}).
 *
 * <p>When the change frees room (capacity, or a review slot), the worker is offered new work. With
 * SQLite's one writer that happens inside the same transaction, reading the queues under it: a
 * separate claim would plan on a reader, take the writer a second time, and often lose the tasks it
 * planned to other claims made from the same queue heads. With concurrent writers the claim runs
 * after commit, so the report's row locks are not held while it reads and locks queue heads.
 *
 * <p>A worker that no longer holds the task is refused and changes nothing: 409 when it held it
 * once (its lease was taken back), 403 when it never did.
 */
@Service
class LeaseReports {

  /**
   * The answer, the tasks leased to the worker inside the change's own transaction, and the room
   * the change freed that is still to be filled, after commit (null when there is none).
   */
  record Outcome(StatusAck ack, List<TaskId> granted, @Nullable FreedRoom toFillAfterCommit) {

    static Outcome unchanged(StatusAck ack) {
      return new Outcome(ack, List.of(), null);
    }
  }

  private final TaskRepository tasks;
  private final TaskMoves moves;
  private final LeaseRenewals renewals;
  private final WorkerPresence presence;
  private final EventQueries history;
  private final Clock clock;
  private final Claims claims;
  private final SqlDialect dialect;
  private final TransactionTemplate transactions;

  LeaseReports(
      TaskRepository tasks,
      TaskMoves moves,
      LeaseRenewals renewals,
      WorkerPresence presence,
      EventQueries history,
      Clock clock,
      Claims claims,
      SqlDialect dialect,
      TransactionTemplate transactions) {
    this.transactions = transactions;
    this.claims = claims;
    this.dialect = dialect;
    this.tasks = tasks;
    this.moves = moves;
    this.renewals = renewals;
    this.presence = presence;
    this.history = history;
    this.clock = clock;
  }

  Outcome report(AuthenticatedWorker worker, TaskId id, StatusUpdate update) {
    return inTransaction(() -> reportNow(worker, id, update));
  }

  Outcome release(AuthenticatedWorker worker, TaskId id, Reason reason) {
    return inTransaction(() -> releaseNow(worker, id, reason));
  }

  private Outcome inTransaction(Supplier<Outcome> change) {
    return Objects.requireNonNull(transactions.execute(status -> change.get()));
  }

  private Outcome reportNow(AuthenticatedWorker reporter, TaskId id, StatusUpdate update) {
    WorkerId worker = reporter.id();
    Instant now = clock.instant();
    TaskRecord task = find(id);
    requireHolder(task, worker, update.leaseId());
    presence.seen(worker, now, null);
    WorkerMove move = TaskStateMachine.workerMove(task.status(), update.status());
    if (move == WorkerMove.ALREADY_DONE) {
      return Outcome.unchanged(new StatusAck(true, task.status(), null));
    }
    if (move == WorkerMove.ILLEGAL) {
      throw new ApiException(
              ProblemType.ILLEGAL_TRANSITION,
              TaskStateMachine.refusal(task.status(), update.status()))
          .with("task_id", id.value())
          .with("from", task.status().wireName())
          .with("to", update.status().wireName());
    }
    // ADVANCE or NOTE: either way the task is now in the reported status. The renewal goes first:
    // the move ends with the repository row, which is best held only until the commit.
    renewals.renewUnlessRecent(worker, reporter.leasesRenewedAt(), now);
    @Nullable Instant expiresAt =
        moves.advance(task, update.status(), update.message(), update.artifact(), now);
    return offerWork(
        worker,
        new StatusAck(true, update.status(), expiresAt),
        FreedRoom.by(Occupancy.change(task.status(), update.status(), task.estimatePoints())));
  }

  private Outcome releaseNow(AuthenticatedWorker releaser, TaskId id, Reason reason) {
    WorkerId worker = releaser.id();
    Instant now = clock.instant();
    TaskRecord task = find(id);
    requireHolder(task, worker, null);
    if (!task.heldBy(worker)) {
      throw ApiException.conflict(
          "Task " + id + " is " + task.status().wireName() + "; it cannot be released");
    }
    presence.seen(worker, now, null);
    renewals.renewUnlessRecent(worker, releaser.leasesRenewedAt(), now);
    moves.returnToPool(task, PoolReturn.RELEASED, reason.reason(), now);
    return offerWork(
        worker, new StatusAck(true, TaskStatus.READY, null), FreedRoom.WORKER_CAPACITY);
  }

  /** Fills freed room now, if this is the one writer; else says it is to be filled after commit. */
  private Outcome offerWork(WorkerId worker, StatusAck ack, @Nullable FreedRoom freed) {
    if (freed == null) {
      return Outcome.unchanged(ack);
    }
    if (dialect.hasConcurrentWriters()) {
      return new Outcome(ack, List.of(), freed);
    }
    return new Outcome(ack, claims.offerWithinReport(worker), null);
  }

  private TaskRecord find(TaskId id) {
    return tasks
        .find(id)
        .orElseThrow(
            () ->
                new ApiException(ProblemType.NOT_FOUND, "Task not found")
                    .with("task_id", id.value()));
  }

  private void requireHolder(TaskRecord task, WorkerId worker, @Nullable LeaseId quoted) {
    if (task.heldBy(worker)) {
      if (quoted != null && !quoted.equals(task.leaseId())) {
        throw leaseLost(task, "lease " + quoted + " was replaced by " + task.leaseId());
      }
      return;
    }
    if (worker.equals(task.workerId())) {
      if (task.status() == TaskStatus.MERGED) {
        return; // The state machine answers: merged again is a harmless retry, anything else
        // illegal.
      }
      throw leaseLost(task, "it was cancelled by an admin");
    }
    if (history.wasLeasedTo(task.id(), worker)) {
      throw leaseLost(task, "it went back to the pool and is now " + task.status().wireName());
    }
    throw new ApiException(ProblemType.NOT_YOUR_TASK, "Task not assigned to this worker")
        .with("task_id", task.id().value());
  }

  private static ApiException leaseLost(TaskRecord task, String why) {
    return new ApiException(
            ProblemType.LEASE_LOST,
            "Lease lost: this worker no longer holds task " + task.id() + ": " + why)
        .with("task_id", task.id().value())
        .with("task_status", task.status().wireName());
  }
}
