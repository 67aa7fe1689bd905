package dev.owp.protocol.testing;

import dev.owp.protocol.scheduling.TrustTier;
import dev.owp.protocol.scheduling.WorkerLoad;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import dev.owp.protocol.worker.WorkerRegistration;
import java.util.List;

/**
 * Builds workers as the scheduler sees them: {@code aWorker().withSkills("java").capacity(5, 3)}.
 * Defaults: online, not paused, no skills, tier 0, 5 points and 2 slots, nothing in use.
 */
public final class WorkerSnapshotBuilder {

  private List<String> skills = List.of();
  private int trustTier = TrustTier.LOWEST;
  private boolean online = true;
  private boolean paused;
  private int usedPoints;
  private int usedTasks;
  private int capacityPoints = WorkerRegistration.DEFAULT_CAPACITY_POINTS;
  private int maxConcurrentTasks = WorkerRegistration.DEFAULT_MAX_CONCURRENT_TASKS;

  private WorkerSnapshotBuilder() {}

  /** An online, idle worker with the default capacity. */
  public static WorkerSnapshotBuilder aWorker() {
    return new WorkerSnapshotBuilder();
  }

  /** With these (normalised) skills. */
  public WorkerSnapshotBuilder withSkills(String... skills) {
    this.skills = List.of(skills);
    return this;
  }

  /** With this trust tier. */
  public WorkerSnapshotBuilder tier(int tier) {
    this.trustTier = tier;
    return this;
  }

  /** Without a heartbeat within the TTL. */
  public WorkerSnapshotBuilder offline() {
    this.online = false;
    return this;
  }

  /** Paused, by itself or an admin. */
  public WorkerSnapshotBuilder paused() {
    this.paused = true;
    return this;
  }

  /** Declaring this capacity. */
  public WorkerSnapshotBuilder capacity(int points, int slots) {
    this.capacityPoints = points;
    this.maxConcurrentTasks = slots;
    return this;
  }

  /** Already using this many points and slots. */
  public WorkerSnapshotBuilder using(int points, int tasks) {
    this.usedPoints = points;
    this.usedTasks = tasks;
    return this;
  }

  /** The snapshot. */
  public WorkerSnapshot build() {
    return new WorkerSnapshot(
        skills,
        trustTier,
        online,
        paused,
        new WorkerLoad(usedPoints, usedTasks, capacityPoints, maxConcurrentTasks));
  }
}
