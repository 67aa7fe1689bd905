package dev.owp.protocol.scheduling;

import java.util.List;

/**
 * A worker as the scheduler sees it when choosing work for it.
 *
 * @param skills normalised skills
 * @param trustTier the worker's trust tier
 * @param online heartbeat within the heartbeat TTL
 * @param paused paused by itself (status {@code paused} or {@code pool worker pause}) or by an
 *     admin
 * @param load its capacity and current usage
 */
public record WorkerSnapshot(
    List<String> skills, int trustTier, boolean online, boolean paused, WorkerLoad load) {

  /** Copies the skills. */
  public WorkerSnapshot {
    skills = List.copyOf(skills);
  }

  /** The same worker after taking {@code task}. */
  public WorkerSnapshot taking(Candidate task) {
    return new WorkerSnapshot(skills, trustTier, online, paused, load.plus(task.estimatePoints()));
  }
}
