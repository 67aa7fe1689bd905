package dev.owp.poold.worker;

import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.scheduling.WorkerLoad;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A worker row. */
public record WorkerRecord(
    long seq,
    WorkerId id,
    String name,
    @Nullable String githubHandle,
    List<String> skills,
    int capacityPoints,
    int maxConcurrentTasks,
    WorkerStatus status,
    @Nullable PausedBy pausedBy,
    int trustTier,
    @Nullable Instant lastHeartbeat,
    @Nullable String note,
    int usedPoints,
    int usedTasks,
    Instant createdAt,
    @Nullable Instant removedAt) {

  /** Its capacity and usage. */
  public WorkerLoad load() {
    return new WorkerLoad(usedPoints, usedTasks, capacityPoints, maxConcurrentTasks);
  }

  /** True when it takes no new work. */
  public boolean paused() {
    return pausedBy != null || status == WorkerStatus.PAUSED;
  }

  /** True when it heartbeated within {@code heartbeatTtl} of {@code now}. */
  public boolean online(Instant now, Duration heartbeatTtl) {
    return removedAt == null && Presence.isOnline(lastHeartbeat, now, heartbeatTtl);
  }

  /** The worker as the scheduling rules see it. */
  public WorkerSnapshot snapshot(Instant now, Duration heartbeatTtl) {
    return new WorkerSnapshot(skills, trustTier, online(now, heartbeatTtl), paused(), load());
  }

  /** The worker as the API shows it. */
  public WorkerView view(int heldTasks, Instant now, Duration heartbeatTtl) {
    return new WorkerView(
        id,
        name,
        githubHandle,
        skills,
        capacityPoints,
        maxConcurrentTasks,
        status,
        pausedBy,
        trustTier,
        online(now, heartbeatTtl),
        lastHeartbeat,
        usedPoints,
        usedTasks,
        heldTasks,
        createdAt);
  }
}
