package dev.owp.poold.schedule;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.metrics.SchedulerMetrics;
import dev.owp.poold.schedule.ClaimStateReader.Source;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskMoves.LeaseOutcome;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.ClaimPolicy;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a worker's free capacity with leases.
 *
 * <p>First the pure {@link ClaimPolicy} plans from a snapshot read on a reader connection: most
 * heartbeats (a full worker, a throttled pool, nothing matching) end there, without touching the
 * database's writer (a claim after a report that freed room on PostgreSQL goes to its first lease
 * directly, whose own read screens as well). When there is something to grant, the leases are
 * taken: the conditional updates on the worker, the area lock, the task and the repository enforce
 * the rules once more, and a lease that loses a race is rolled back alone. On SQLite one
 * transaction takes the reader's plan, each lease under a savepoint ({@link #grant}). On
 * PostgreSQL, where other replicas write at the same time, each lease commits on its own ({@link
 * #leaseEachAlone}). No JVM lock is involved, so any number of poold replicas can claim from one
 * PostgreSQL database at once.
 *
 * <p>A status report that frees room on SQLite claims inside its own transaction instead ({@link
 * #offerWithinReport}): under the one writer, the queues read are the queues leased from.
 */
@Service
public class Claims {

  private static final Logger log = LoggerFactory.getLogger(Claims.class);

  private static final int ATTEMPTS = 3;

  /** How often a claim on SQLite plans again from what it read before it reads again. */
  private static final int REPLANS = 4;

  /** Most leases a claim on PostgreSQL attempts, each in a transaction of its own. */
  private static final int ROUNDS_ALONE = 16;

  /** Most tasks one of those transactions tries before it gives up on its plan. */
  private static final int TRIES_PER_LEASE = 4;

  private final ClaimStateReader state;
  private final TaskMoves moves;
  private final WorkerRepository workers;
  private final TransactionTemplate transactions;
  private final TransactionTemplate nested;
  private final PooldProperties properties;
  private final Clock clock;
  private final SchedulerMetrics metrics;
  private final SqlDialect dialect;

  Claims(
      ClaimStateReader state,
      TaskMoves moves,
      WorkerRepository workers,
      TransactionTemplate transactions,
      PooldProperties properties,
      Clock clock,
      SchedulerMetrics metrics,
      SqlDialect dialect) {
    this.state = state;
    this.moves = moves;
    this.workers = workers;
    this.transactions = transactions;
    this.nested = new TransactionTemplate(transactions.getTransactionManager());
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
    this.dialect = dialect;
  }

  /** Leases ready tasks to {@code worker} until it is full or nothing fits; returns how many. */
  public int fill(WorkerId worker) {
    return take(worker).size();
  }

  /** {@link #fill}, naming the tasks leased. */
  private List<TaskId> take(WorkerId worker) {
    Instant now = clock.instant();
    ClaimState planned = state.read(worker, now, Source.READER).orElse(null);
    if (planned == null || planned.plan().isEmpty()) {
      return List.of();
    }
    // With concurrent writers the reader's plan only screens: each lease reads, and locks, its own.
    return counted(
        dialect.hasConcurrentWriters()
            ? leaseEachAlone(worker, now)
            : Objects.requireNonNull(
                transactions.execute(status -> grant(worker, planned, now, status))));
  }

  private List<TaskId> counted(List<TaskId> granted) {
    metrics.leasesGranted(granted.size());
    return granted;
  }

  /**
   * Offers new work to a worker whose report freed room, inside the report's transaction: SQLite's
   * one writer, under which the queues read are the queues leased from. The claim runs under a
   * savepoint of its own; one that fails is undone alone and logged, never thrown: the report
   * stands, and the worker's next poll or heartbeat claims again.
   *
   * @return the tasks leased; they are the worker's once the report commits
   */
  public List<TaskId> offerWithinReport(WorkerId worker) {
    Instant now = clock.instant();
    return withoutFailingTheReport(
        worker,
        () -> Objects.requireNonNull(nested.execute(status -> readAndTake(worker, now, status))));
  }

  /**
   * Offers new work to a worker whose report freed room, after the report's commit (concurrent
   * writers), each lease in a transaction of its own. When the report freed only a review slot, the
   * worker's own row is read first, on a reader: a busy worker that merges a task is most often
   * full, and that read spares its claim a write transaction. Otherwise the claim goes to its first
   * lease at once, whose own read screens just as well. A claim that fails is logged, never thrown.
   *
   * @return the tasks leased
   */
  public List<TaskId> offerAfterCommit(WorkerId worker, FreedRoom freed) {
    Instant now = clock.instant();
    return withoutFailingTheReport(
        worker,
        () ->
            freed == FreedRoom.REVIEW_SLOT && !state.hasRoom(worker, now)
                ? List.of()
                : leaseEachAlone(worker, now));
  }

  private List<TaskId> withoutFailingTheReport(WorkerId worker, Supplier<List<TaskId>> claim) {
    try {
      return counted(claim.get());
    } catch (TransactionException e) {
      throw e; // the savepoint itself failed: the report's transaction cannot go on
    } catch (RuntimeException e) {
      log.warn("Claim for {} after its report failed; the report stands", worker, e);
      return List.of();
    }
  }

  /**
   * The one writer (SQLite): takes the reader's plan in one transaction. What was taken meanwhile
   * is planned again from the rest of what was read, which costs no reads, and read again (now that
   * nobody else can write) only when that runs out.
   */
  private List<TaskId> grant(
      WorkerId worker, ClaimState planned, Instant now, TransactionStatus status) {
    ClaimState remaining = planned;
    List<TaskId> granted = new ArrayList<>();
    for (int round = 0; round < REPLANS; round++) {
      Attempt attempt = attempt(worker, remaining, now, status);
      attempt.addLeasedTo(granted);
      if (attempt.lost().isEmpty()) {
        return granted;
      }
      remaining = remaining.after(attempt.leased(), attempt.lost());
      if (remaining.plan().isEmpty()) {
        break;
      }
    }
    granted.addAll(readAndTake(worker, now, status));
    return granted;
  }

  /**
   * Reads the claim state inside the write transaction and leases its plan. Under the one writer
   * the queue heads may come from earlier in the transaction ({@link WriterQueueHeads}): a task
   * found changed since is dropped from them, and the claim reads again.
   */
  private List<TaskId> readAndTake(WorkerId worker, Instant now, TransactionStatus status) {
    List<TaskId> granted = new ArrayList<>();
    for (int round = 0; round < REPLANS; round++) {
      Optional<ClaimState> fresh = state.read(worker, now, Source.WRITER);
      if (fresh.isEmpty()) {
        return granted;
      }
      Attempt attempt = attempt(worker, fresh.get(), now, status);
      attempt.addLeasedTo(granted);
      if (!attempt.lost().containsValue(LeaseOutcome.TASK_TAKEN)) {
        return granted;
      }
    }
    return granted;
  }

  /**
   * Concurrent writers (PostgreSQL): each lease commits on its own, in a transaction that reads the
   * queue heads, locking them and skipping what other claims hold, and takes the first lease of the
   * plan that holds ({@link #leaseFirstOf}). Claims on different replicas so aim at different tasks
   * instead of all at the same head; a lease ends with the repository row, which every claim and
   * every finished task of the repository updates, so the row is held from the lease's last
   * statements to its commit, never while a claim goes on to other leases; and since no transaction
   * leases twice, claims cannot deadlock.
   */
  private List<TaskId> leaseEachAlone(WorkerId worker, Instant now) {
    List<TaskId> granted = new ArrayList<>();
    for (int round = 0; round < ROUNDS_ALONE; round++) {
      Step step = leaseNext(worker, now);
      if (step.granted() != null) {
        granted.add(step.granted());
      }
      if (!step.goOn()) {
        return granted;
      }
    }
    return granted;
  }

  /** The task one lease transaction granted, if any, and whether another round is worth it. */
  private record Step(@Nullable TaskId granted, boolean goOn) {

    static final Step DONE = new Step(null, false);
  }

  /** Leases the first task of a fresh plan that it can, in a transaction of its own. */
  private Step leaseNext(WorkerId worker, Instant now) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Objects.requireNonNull(
            transactions.execute(
                status -> {
                  Step step = leaseFirstOf(worker, now, status);
                  if (step.granted() == null) {
                    status.setRollbackOnly();
                  }
                  return step;
                }));
      } catch (PessimisticLockingFailureException e) {
        // Chosen as a deadlock victim, or a lock wait timed out: nothing changed.
        if (attempt == ATTEMPTS) {
          log.debug("Claim for {} gave up after {} attempts", worker, attempt, e);
          return Step.DONE;
        }
      }
    }
  }

  /**
   * Reads a plan, locking its tasks, and leases its first task. A lease that loses to the plan's
   * repository (its last review slot taken meanwhile, or the task's area locked) is undone to a
   * savepoint, and the plan's next task of the repositories left is tried in the same transaction:
   * the tasks were read and locked for it already, so that costs no new read. The transaction still
   * leases at most once, and the rows a lost lease locked are let go with its savepoint.
   */
  private Step leaseFirstOf(WorkerId worker, Instant now, TransactionStatus status) {
    ClaimState fresh = state.read(worker, now, Source.WRITER).orElse(null);
    List<Candidate> plan = fresh == null ? List.of() : fresh.plan();
    for (int tried = 0; fresh != null && !plan.isEmpty(); tried++) {
      if (tried == TRIES_PER_LEASE) {
        return new Step(null, true); // a fresh read may find a plan that holds
      }
      // The read locked the task and read its repository's settings.
      Candidate task = plan.get(0);
      boolean areaLocks = fresh.repos().get(task.repo()).areaLocksEnabled();
      // A savepoint costs a round trip: only worth it when there is something else to try.
      @Nullable Object savepoint = fresh.hasOtherThan(task) ? status.createSavepoint() : null;
      LeaseOutcome outcome = moves.leaseLocked(task, fresh.version(task), areaLocks, worker, now);
      if (outcome == LeaseOutcome.GRANTED) {
        return new Step(task.id(), plan.size() > 1);
      }
      if (outcome == LeaseOutcome.WORKER_UNAVAILABLE || savepoint == null) {
        return new Step(null, outcome != LeaseOutcome.WORKER_UNAVAILABLE);
      }
      status.rollbackToSavepoint(savepoint);
      fresh = fresh.after(List.of(), Map.of(task, outcome));
      plan = fresh.plan();
    }
    return Step.DONE;
  }

  /**
   * Leases the plan of {@code state}, each under its own savepoint; stops at the first lease the
   * worker itself cannot take.
   */
  private Attempt attempt(
      WorkerId worker, ClaimState state, Instant now, TransactionStatus status) {
    List<Candidate> leased = new ArrayList<>();
    Map<Candidate, LeaseOutcome> lost = new HashMap<>();
    for (Candidate task : state.plan()) {
      Object savepoint = status.createSavepoint();
      LeaseOutcome outcome = moves.lease(task, state.version(task), worker, now);
      if (outcome == LeaseOutcome.GRANTED || outcome == LeaseOutcome.TASK_TAKEN) {
        this.state.noLongerReady(task);
      }
      if (outcome == LeaseOutcome.GRANTED) {
        status.releaseSavepoint(savepoint);
        leased.add(task);
      } else {
        status.rollbackToSavepoint(savepoint);
        if (outcome == LeaseOutcome.WORKER_UNAVAILABLE) {
          return new Attempt(leased, Map.of());
        }
        lost.put(task, outcome);
      }
    }
    return new Attempt(leased, lost);
  }

  /** What an attempt leased, and what it lost to other claims (and why). */
  private record Attempt(List<Candidate> leased, Map<Candidate, LeaseOutcome> lost) {

    void addLeasedTo(List<TaskId> granted) {
      for (Candidate task : leased) {
        granted.add(task.id());
      }
    }
  }

  /** Workers waiting for work, least loaded first, for the background assignment. */
  public List<WorkerId> waitingForWork(Instant now, int limit) {
    return workers.waitingForWork(Presence.onlineSince(now, properties.heartbeatTtl()), limit);
  }
}
