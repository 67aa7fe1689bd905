package dev.owp.poold.worker;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.event.EventLog;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether workers are online. Instead of one audit event per heartbeat (which buried everything
 * else in the original's log), the log records the transitions: online, offline, paused and resumed
 * through heartbeats.
 */
@Component
public class WorkerPresence {

  private static final int SWEEP_BATCH = 500;

  private final WorkerRepository workers;
  private final EventLog events;
  private final PooldProperties properties;
  private final TransactionTemplate transactions;

  WorkerPresence(
      WorkerRepository workers,
      EventLog events,
      PooldProperties properties,
      TransactionTemplate transactions) {
    this.workers = workers;
    this.events = events;
    this.properties = properties;
    this.transactions = transactions;
  }

  /**
   * Records that the worker was heard from at {@code now}: a heartbeat, or any report about its
   * tasks (then {@code heartbeat} is null and its reported status stays). Call inside a
   * transaction.
   */
  public void seen(WorkerId id, Instant now, @Nullable Heartbeat heartbeat) {
    if (heartbeat == null) {
      // A worker is marked offline only once its last sign of life is older than the heartbeat
      // TTL, and recording one marks it online in the same transaction; so a worker heard from too
      // recently to record again is online already, and a busy one's reports write nothing here.
      if (workers.recordSeen(id, now, Presence.recordsBelow(now, properties.heartbeatTtl()))) {
        markOnline(id, now);
      }
      return;
    }
    markOnline(id, now);
    WorkerRecord before = workers.find(id).orElseThrow();
    workers.recordHeartbeat(id, now, heartbeat.status(), heartbeat.note());
    boolean wasPaused = before.status() == WorkerStatus.PAUSED;
    boolean isPaused = heartbeat.status() == WorkerStatus.PAUSED;
    if (wasPaused != isPaused) {
      events
          .record(isPaused ? EventType.WORKER_PAUSED : EventType.WORKER_RESUMED, now)
          .worker(id)
          .with("by", "heartbeat")
          .with("note", heartbeat.note())
          .append();
    }
  }

  private void markOnline(WorkerId id, Instant now) {
    if (workers.markOnline(id)) {
      events.record(EventType.WORKER_ONLINE, now).worker(id).append();
    }
  }

  /**
   * Marks workers offline whose last heartbeat is older than the heartbeat TTL; returns how many.
   */
  public int sweepOffline(Instant now) {
    Instant onlineSince = Presence.onlineSince(now, properties.heartbeatTtl());
    List<WorkerId> stale = workers.staleOnline(onlineSince, SWEEP_BATCH);
    int marked = 0;
    for (WorkerId id : stale) {
      Boolean done = transactions.execute(status -> markOffline(id, onlineSince, now));
      marked += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    return marked;
  }

  private boolean markOffline(WorkerId id, Instant onlineSince, Instant now) {
    if (!workers.markOffline(id, onlineSince)) {
      return false;
    }
    events
        .record(EventType.WORKER_OFFLINE, now)
        .worker(id)
        .with("heartbeat_ttl_seconds", properties.heartbeatTtl().toSeconds())
        .append();
    return true;
  }
}
