package dev.owp.poold.lease;

import dev.owp.poold.task.PoolReturn;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.poold.web.ApiException;
import dev.owp.protocol.lease.LeaseRules;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Returns tasks whose lease lapsed to the pool: their worker was silent for longer than the lease
 * TTL. Every replica may run it at once; each task is returned once, because the return is a
 * conditional update that re-checks the expiry, and a renewal that arrives first wins.
 */
@Component
class LeaseReaper {

  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
  private static final int BATCH = 500;

  private final TaskRepository tasks;
  private final TaskMoves moves;
  private final TransactionTemplate transactions;

  LeaseReaper(TaskRepository tasks, TaskMoves moves, TransactionTemplate transactions) {
    this.tasks = tasks;
    this.moves = moves;
    this.transactions = transactions;
  }

  /** Returns every lapsed lease to the pool; returns how many. */
  int expireOverdue(Instant now) {
    int expired = 0;
    List<TaskRecord> overdue;
    do {
      overdue = tasks.expiredLeases(now, BATCH);
      for (TaskRecord candidate : overdue) {
        expired += expire(candidate, now) ? 1 : 0;
      }
    } while (overdue.size() == BATCH);
    return expired;
  }

  private boolean expire(TaskRecord candidate, Instant now) {
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              status -> {
                TaskRecord task = tasks.find(candidate.id()).orElseThrow();
                if (!task.status().expiresWhenSilent()
                    || task.leaseExpiresAt() == null
                    || !LeaseRules.isExpired(task.leaseExpiresAt(), now)) {
                  return false;
                }
                moves.returnToPool(task, PoolReturn.LEASE_EXPIRED, null, now);
                log.info(
                    "Lease of task {} by worker {} expired at {}; the task is back in the pool",
                    task.id(),
                    task.workerId(),
                    task.leaseExpiresAt());
                return true;
              }));
    } catch (ApiException renewedMeanwhile) {
      return false;
    }
  }
}
