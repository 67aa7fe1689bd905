package dev.owp.poold.lease;

import dev.owp.poold.metrics.SchedulerMetrics;
import dev.owp.poold.schedule.Claims;
import dev.owp.poold.worker.WorkerPresence;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A heartbeat: the worker is alive, so every lease it holds is renewed; then, if it has room and is
 * not paused, it gets new leases. The renewal commits first, on its own, so a slow claim never
 * delays it.
 */
@Service
class Heartbeats {

  private final WorkerPresence presence;
  private final LeaseRenewals renewals;
  private final Claims claims;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final SchedulerMetrics metrics;

  Heartbeats(
      WorkerPresence presence,
      LeaseRenewals renewals,
      Claims claims,
      TransactionTemplate transactions,
      Clock clock,
      SchedulerMetrics metrics) {
    this.presence = presence;
    this.renewals = renewals;
    this.claims = claims;
    this.transactions = transactions;
    this.clock = clock;
    this.metrics = metrics;
  }

  HeartbeatAck beat(WorkerId worker, Heartbeat heartbeat) {
    Instant now = clock.instant();
    int held =
        Objects.requireNonNull(
            transactions.execute(
                status -> {
                  presence.seen(worker, now, heartbeat);
                  return renewals.renewAll(worker, now);
                }));
    metrics.leasesRenewed(held);
    int granted = claims.fill(worker);
    return new HeartbeatAck(true, now, granted, held + granted);
  }
}
