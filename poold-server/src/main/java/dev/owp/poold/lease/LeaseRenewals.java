package dev.owp.poold.lease;

import dev.owp.poold.auth.WorkerTokenCache;
import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.task.TaskRepository;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.lease.LeaseRules;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renews a worker's leases, all of them at once, and notes on the worker's row when. A status
 * report reads that note with the worker's token and skips the renewal when all leases were renewed
 * a moment ago ({@link LeaseRules#renewedRecently}): a busy worker reports several times a second,
 * and the statement that finds nothing to renew reads the worker's tasks all the same.
 */
@Component
class LeaseRenewals {

  private final TaskRepository tasks;
  private final WorkerRepository workers;
  private final WorkerTokenCache tokens;
  private final PooldProperties properties;

  LeaseRenewals(
      TaskRepository tasks,
      WorkerRepository workers,
      WorkerTokenCache tokens,
      PooldProperties properties) {
    this.tasks = tasks;
    this.workers = workers;
    this.tokens = tokens;
    this.properties = properties;
  }

  /** Renews every lease {@code worker} holds; returns how many. Call inside a transaction. */
  int renewAll(WorkerId worker, Instant now) {
    int renewed = tasks.renewLeases(worker, LeaseRules.expiresAt(now, properties.leaseTtl()));
    workers.recordLeasesRenewed(worker, now);
    // The next report reads the note with the worker's token, which may come from the cache.
    tokens.renewed(worker, now);
    return renewed;
  }

  /**
   * Renews every lease {@code worker} holds unless all were renewed at {@code lastRenewal},
   * recently enough to leave them as they are. Call inside a transaction.
   */
  void renewUnlessRecent(WorkerId worker, @Nullable Instant lastRenewal, Instant now) {
    if (lastRenewal == null
        || !LeaseRules.renewedRecently(lastRenewal, now, properties.leaseTtl())) {
      renewAll(worker, now);
    }
  }
}
