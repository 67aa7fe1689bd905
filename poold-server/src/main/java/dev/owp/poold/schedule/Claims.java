package dev.owp.poold.schedule;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.metrics.SchedulerMetrics;
import dev.owp.poold.schedule.ClaimStateReader.Source;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.poold.task.LockOrder;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskMoves.LeaseOutcome;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.ClaimPolicy;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.worker.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * database's writer. When there is something to grant, one transaction takes each lease of the plan
 * under a savepoint (on PostgreSQL, where other replicas write at the same time, it first reads the
 * state again, locking the queue heads, and plans again): the conditional updates on the worker,
 * the repository, the area lock and the task enforce the rules once more, and a lease that loses a
 * race is rolled back alone. No JVM lock is involved, so any number of poold replicas can claim
 * from one PostgreSQL database at once.
 *
 * <p>A status report that frees room on SQLite claims inside its own transaction instead ({@link
 * #offerAfterReport}): under the one writer, the queues read are the queues leased from.
 */
@Service
public class Claims {

  private static final Logger log = LoggerFactory.getLogger(Claims.class);

  private static final int ATTEMPTS = 3;

  /** How often a claim on SQLite plans again from what it read before it reads again. */
  private static final int REPLANS = 4;

  private static final Comparator<Candidate> LOCK_ORDER =
      LockOrder.of(
          Candidate::repo, c -> c.area().map(AreaKey::value).orElse(null), c -> c.id().value());

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
    Instant now = clock.instant();
    ClaimState planned = state.read(worker, now, Source.READER).orElse(null);
    if (planned == null || planned.plan().isEmpty()) {
      return 0;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        int granted =
            Objects.requireNonNull(
                transactions.execute(status -> grant(worker, planned, now, status)));
        metrics.leasesGranted(granted);
        return granted;
      } catch (PessimisticLockingFailureException e) {
        // PostgreSQL chose this claim as a deadlock victim or a lock wait timed out: nothing was
        // granted, and the worker's next poll or heartbeat tries again anyway.
        if (attempt == ATTEMPTS) {
          log.debug("Claim for {} gave up after {} attempts: {}", worker, attempt, e.getMessage());
          return 0;
        }
      }
    }
  }

  /**
   * Offers new work to a worker whose report freed room, once the report is safe: {@link #fill}
   * after the report's commit, or with {@code withinTransaction} (SQLite's one writer) inside the
   * report's transaction, reading the queues under it, where nothing else changes between the read
   * and the leases. Either way a claim that fails is logged, never thrown: the report stands (the
   * claim inside it runs under a savepoint of its own and is undone alone), and the worker's next
   * poll or heartbeat claims again.
   */
  public void offerAfterReport(WorkerId worker, boolean withinTransaction) {
    try {
      if (withinTransaction) {
        Instant now = clock.instant();
        int granted =
            Objects.requireNonNull(nested.execute(status -> readAndTake(worker, now, status)));
        metrics.leasesGranted(granted);
      } else {
        fill(worker);
      }
    } catch (TransactionException e) {
      throw e; // the savepoint itself failed: the report's transaction cannot go on
    } catch (RuntimeException e) {
      log.warn("Claim for {} after its report failed; the report stands", worker, e);
    }
  }

  private int grant(WorkerId worker, ClaimState planned, Instant now, TransactionStatus status) {
    if (dialect.hasConcurrentWriters()) {
      return readAndTake(worker, now, status);
    }
    // The one writer: take the reader's plan. Many workers plan from the same queue heads, so
    // part of it is often taken meanwhile: plan again from the rest of what was read, which costs
    // no reads, and read again (now that nobody else can write) only when that runs out.
    ClaimState remaining = planned;
    int granted = 0;
    for (int round = 0; round < REPLANS; round++) {
      Attempt attempt = attempt(worker, remaining, now, status);
      granted += attempt.leased().size();
      if (attempt.lost().isEmpty()) {
        return granted;
      }
      remaining = remaining.after(attempt.leased(), attempt.lost());
      if (remaining.plan().isEmpty()) {
        break;
      }
    }
    return granted + readAndTake(worker, now, status);
  }

  /**
   * Reads the claim state inside the write transaction and leases its plan. Under the one writer
   * the queue heads may come from earlier in the transaction ({@link WriterQueueHeads}): a task
   * found changed since is dropped from them, and the claim reads again.
   */
  private int readAndTake(WorkerId worker, Instant now, TransactionStatus status) {
    int granted = 0;
    for (int round = 0; round < REPLANS; round++) {
      Optional<ClaimState> fresh = state.read(worker, now, Source.WRITER);
      if (fresh.isEmpty()) {
        return granted;
      }
      Attempt attempt = attempt(worker, fresh.get(), now, status);
      granted += attempt.leased().size();
      if (dialect.hasConcurrentWriters()
          || !attempt.lost().containsValue(LeaseOutcome.TASK_TAKEN)) {
        return granted;
      }
    }
    return granted;
  }

  /**
   * Leases the plan of {@code state}, each under its own savepoint; stops at the first lease the
   * worker itself cannot take.
   */
  private Attempt attempt(
      WorkerId worker, ClaimState state, Instant now, TransactionStatus status) {
    List<Candidate> leased = new ArrayList<>();
    Map<Candidate, LeaseOutcome> lost = new HashMap<>();
    for (Candidate task : inLockOrder(state.plan())) {
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
  private record Attempt(List<Candidate> leased, Map<Candidate, LeaseOutcome> lost) {}

  /**
   * The plan in the order every claim locks rows: repository, then area. Two claims that lease in
   * the same two repositories in opposite orders would otherwise each hold one repository row while
   * waiting for the other's.
   */
  private static List<Candidate> inLockOrder(List<Candidate> plan) {
    return plan.stream().sorted(LOCK_ORDER).toList();
  }

  /** Workers waiting for work, least loaded first, for the background assignment. */
  public List<WorkerId> waitingForWork(Instant now, int limit) {
    return workers.waitingForWork(Presence.onlineSince(now, properties.heartbeatTtl()), limit);
  }
}
