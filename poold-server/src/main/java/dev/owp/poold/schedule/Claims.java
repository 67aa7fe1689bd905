package dev.owp.poold.schedule;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.repo.AreaLockRepository;
import dev.owp.poold.repo.TrackedRepo;
import dev.owp.poold.repo.TrackedRepoRepository;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskMoves.LeaseOutcome;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.ClaimPolicy;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.scheduling.RepoSnapshot;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import dev.owp.protocol.worker.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a worker's free capacity with leases.
 *
 * <p>The pure {@link ClaimPolicy} plans which ready tasks the worker gets from a snapshot of the
 * queue heads; then each planned lease is taken in its own short transaction, where conditional
 * updates on the worker, the repository, the area lock and the task enforce the same rules again.
 * Another worker or replica may win a task between plan and lease: that lease is rolled back, and
 * the plan is redone from fresh state a bounded number of times. No JVM lock is involved, so any
 * number of poold replicas can claim from one PostgreSQL database at once.
 */
@Service
public class Claims {

  private static final int ROUNDS = 3;

  private final WorkerRepository workers;
  private final TrackedRepoRepository repos;
  private final AreaLockRepository locks;
  private final ReadyQueue queue;
  private final TaskMoves moves;
  private final TransactionTemplate transactions;
  private final PooldProperties properties;
  private final Clock clock;

  Claims(
      WorkerRepository workers,
      TrackedRepoRepository repos,
      AreaLockRepository locks,
      ReadyQueue queue,
      TaskMoves moves,
      TransactionTemplate transactions,
      PooldProperties properties,
      Clock clock) {
    this.workers = workers;
    this.repos = repos;
    this.locks = locks;
    this.queue = queue;
    this.moves = moves;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  /** Leases ready tasks to {@code worker} until it is full or nothing fits; returns how many. */
  public int fill(WorkerId worker) {
    int granted = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Instant now = clock.instant();
      Optional<WorkerSnapshot> snapshot = snapshot(worker, now);
      if (snapshot.isEmpty() || ClaimPolicy.screen(snapshot.get()).isPresent()) {
        break;
      }
      Map<String, RepoSnapshot> budgets = reposWithFreeBudget();
      Map<Candidate, Long> versions = new HashMap<>();
      for (String repo : budgets.keySet()) {
        for (QueuedTask queued : head(repo, worker, snapshot.get(), now)) {
          versions.put(queued.candidate(), queued.version());
        }
      }
      List<Candidate> plan =
          ClaimPolicy.plan(snapshot.get(), new ArrayList<>(versions.keySet()), budgets);
      if (plan.isEmpty()) {
        break;
      }
      int grantedThisRound = 0;
      boolean workerStopped = false;
      for (Candidate task : plan) {
        LeaseOutcome outcome = lease(task, versions.get(task), worker, now);
        if (outcome == LeaseOutcome.GRANTED) {
          grantedThisRound++;
        } else if (outcome == LeaseOutcome.WORKER_UNAVAILABLE) {
          workerStopped = true;
          break;
        }
      }
      granted += grantedThisRound;
      if (workerStopped || grantedThisRound == plan.size()) {
        break;
      }
    }
    return granted;
  }

  private LeaseOutcome lease(Candidate task, long version, WorkerId worker, Instant now) {
    return transactions.execute(
        status -> {
          LeaseOutcome outcome = moves.lease(task, version, worker, now);
          if (outcome != LeaseOutcome.GRANTED) {
            status.setRollbackOnly();
          }
          return outcome;
        });
  }

  private Optional<WorkerSnapshot> snapshot(WorkerId worker, Instant now) {
    return workers
        .find(worker)
        .filter(record -> record.removedAt() == null)
        .map(record -> record.snapshot(now, properties.heartbeatTtl()));
  }

  private Map<String, RepoSnapshot> reposWithFreeBudget() {
    List<TrackedRepo> open = repos.withFreeBudget();
    if (open.isEmpty()) {
      return Map.of();
    }
    Map<String, Set<AreaKey>> lockedAreas = locks.lockedAreasOfReposWithFreeBudget();
    Map<String, RepoSnapshot> budgets = new HashMap<>();
    for (TrackedRepo repo : open) {
      budgets.put(
          repo.repo(),
          new RepoSnapshot(
              repo.maxOpenPrs(),
              repo.held(),
              repo.areaLocksEnabled(),
              lockedAreas.getOrDefault(repo.repo(), Set.of())));
    }
    return budgets;
  }

  private List<QueuedTask> head(String repo, WorkerId worker, WorkerSnapshot traits, Instant now) {
    // A few more than the free slots: some of the head may lose a race or share an area.
    int limit = Math.min(64, 2 * traits.load().freeSlots() + 4);
    return queue.head(repo, worker, traits, limit, now);
  }

  /** Workers waiting for work, least loaded first, for the background assignment. */
  public List<WorkerId> waitingForWork(Instant now, int limit) {
    return workers.waitingForWork(Presence.onlineSince(now, properties.heartbeatTtl()), limit);
  }

  /** True when some repository has room for more work. */
  public boolean anyRepoHasBudget() {
    return !repos.withFreeBudget().isEmpty();
  }
}
