package dev.owp.poold.schedule;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.metrics.SchedulerMetrics;
import dev.owp.poold.schedule.ClaimStateReader.Source;
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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a worker's free capacity with leases.
 *
 * <p>First the pure {@link ClaimPolicy} plans from a snapshot read on a reader connection: most
 * heartbeats (a full worker, a throttled pool, nothing matching) end there, without touching the
 * database's writer. When there is something to grant, one transaction reads the state again
 * (locking the queue heads on PostgreSQL), plans again, and takes each lease under a savepoint: the
 * conditional updates on the worker, the repository, the area lock and the task enforce the rules
 * once more, and a lease that loses a race is rolled back alone. No JVM lock is involved, so any
 * number of poold replicas can claim from one PostgreSQL database at once.
 */
@Service
public class Claims {

  private static final Logger log = LoggerFactory.getLogger(Claims.class);

  private static final int ATTEMPTS = 3;

  private static final Comparator<Candidate> LOCK_ORDER =
      Comparator.comparing(Candidate::repo)
          .thenComparing(c -> c.area().map(AreaKey::value).orElse(""))
          .thenComparing(c -> c.id().value());

  private final ClaimStateReader state;
  private final TaskMoves moves;
  private final WorkerRepository workers;
  private final TransactionTemplate transactions;
  private final PooldProperties properties;
  private final Clock clock;
  private final SchedulerMetrics metrics;

  Claims(
      ClaimStateReader state,
      TaskMoves moves,
      WorkerRepository workers,
      TransactionTemplate transactions,
      PooldProperties properties,
      Clock clock,
      SchedulerMetrics metrics) {
    this.state = state;
    this.moves = moves;
    this.workers = workers;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Leases ready tasks to {@code worker} until it is full or nothing fits; returns how many. */
  public int fill(WorkerId worker) {
    Instant now = clock.instant();
    boolean anythingToGrant =
        state.read(worker, now, Source.READER).map(s -> !s.plan().isEmpty()).orElse(false);
    if (!anythingToGrant) {
      return 0;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        int granted =
            Objects.requireNonNull(transactions.execute(status -> grant(worker, now, status)));
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

  private int grant(WorkerId worker, Instant now, TransactionStatus status) {
    ClaimState current = state.read(worker, now, Source.WRITER).orElse(null);
    if (current == null) {
      return 0;
    }
    int granted = 0;
    for (Candidate task : inLockOrder(current.plan())) {
      Object savepoint = status.createSavepoint();
      LeaseOutcome outcome = moves.lease(task, current.version(task), worker, now);
      if (outcome == LeaseOutcome.GRANTED) {
        status.releaseSavepoint(savepoint);
        granted++;
      } else {
        status.rollbackToSavepoint(savepoint);
        if (outcome == LeaseOutcome.WORKER_UNAVAILABLE) {
          break;
        }
      }
    }
    return granted;
  }

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
