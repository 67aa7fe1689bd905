package dev.owp.poold.lease;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.event.EventLog;
import dev.owp.poold.schedule.Claims;
import dev.owp.poold.worker.WorkerPresence;
import dev.owp.protocol.worker.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background cycle, every {@code --cycle} seconds: lapsed leases go back to the pool, silent
 * workers are marked offline, waiting workers get ready work (so a new task does not wait for the
 * next heartbeat), and old audit events are pruned. Every step is idempotent and guarded by
 * conditional updates, so every replica may run it.
 */
@Component
public class BackgroundCycle {

  private static final Logger log = LoggerFactory.getLogger(BackgroundCycle.class);
  private static final int ASSIGN_BATCH = 200;
  private static final int PRUNE_BATCH = 5_000;

  /** What one cycle did. */
  public record Report(
      int leasesExpired, int workersOffline, int leasesGranted, int eventsPruned) {}

  private final LeaseReaper reaper;
  private final WorkerPresence presence;
  private final Claims claims;
  private final EventLog events;
  private final TransactionTemplate transactions;
  private final PooldProperties properties;
  private final Clock clock;

  BackgroundCycle(
      LeaseReaper reaper,
      WorkerPresence presence,
      Claims claims,
      EventLog events,
      TransactionTemplate transactions,
      PooldProperties properties,
      Clock clock) {
    this.reaper = reaper;
    this.presence = presence;
    this.claims = claims;
    this.events = events;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${owp.cycle:5}",
      fixedDelayString = "${owp.cycle:5}",
      timeUnit = TimeUnit.SECONDS)
  void tick() {
    try {
      Report report = runOnce();
      if (report.leasesExpired() + report.workersOffline() + report.leasesGranted() > 0) {
        log.info(
            "Cycle: {} leases expired, {} workers went offline, {} leases granted",
            report.leasesExpired(),
            report.workersOffline(),
            report.leasesGranted());
      }
    } catch (RuntimeException e) {
      // The next cycle retries everything; one bad cycle must not stop the scheduler.
      log.error("Background cycle failed; retrying in {} s", properties.cycle().toSeconds(), e);
    }
  }

  /** Runs one cycle now. */
  public Report runOnce() {
    Instant now = clock.instant();
    int expired = reaper.expireOverdue(now);
    int offline = presence.sweepOffline(now);
    int granted = 0;
    for (WorkerId worker : claims.waitingForWork(now, ASSIGN_BATCH)) {
      granted += claims.fill(worker);
    }
    Instant cutoff = now.minus(properties.eventRetention());
    Integer pruned = transactions.execute(status -> events.pruneOlderThan(cutoff, PRUNE_BATCH));
    return new Report(expired, offline, granted, pruned == null ? 0 : pruned);
  }
}
