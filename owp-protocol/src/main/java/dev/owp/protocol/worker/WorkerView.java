package dev.owp.protocol.worker;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A worker as admins (and the worker itself) see it.
 *
 * @param status what its last heartbeat said
 * @param pausedBy who paused it explicitly, or null
 * @param online heartbeat within the heartbeat TTL
 * @param lastHeartbeat null until the first heartbeat
 * @param usedPoints estimate points of its active tasks
 * @param usedTasks number of its active tasks
 * @param heldTasks number of tasks it holds (active, blocked and pr_opened)
 */
public record WorkerView(
    WorkerId workerId,
    String name,
    @Nullable String githubHandle,
    List<String> skills,
    int capacityPoints,
    int maxConcurrentTasks,
    WorkerStatus status,
    @Nullable PausedBy pausedBy,
    int trustTier,
    boolean online,
    @Nullable Instant lastHeartbeat,
    int usedPoints,
    int usedTasks,
    int heldTasks,
    Instant createdAt) {

  /** Copies the skills. */
  public WorkerView {
    skills = List.copyOf(skills);
  }

  /** True when the worker takes no new work: explicitly paused, or its heartbeat says paused. */
  public boolean paused() {
    return pausedBy != null || status == WorkerStatus.PAUSED;
  }
}
