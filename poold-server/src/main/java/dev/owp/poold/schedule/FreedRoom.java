package dev.owp.poold.schedule;

import dev.owp.protocol.task.Occupancy;
import org.jspecify.annotations.Nullable;

/** What a worker's report or release gave back that a new lease could use. */
public enum FreedRoom {
  /**
   * Room in the worker's own capacity (and maybe a review slot too): the worker can take more work
   * now.
   */
  WORKER_CAPACITY,
  /**
   * A slot of the repository's review budget only, as a merge frees: the worker has room only if it
   * had some already, which a busy worker seldom has.
   */
  REVIEW_SLOT;

  /** The room a change of {@code change} gives back; null when it gives back none. */
  public static @Nullable FreedRoom by(Occupancy change) {
    if (change.workerTasks() < 0) {
      return WORKER_CAPACITY;
    }
    return change.reviewSlots() < 0 ? REVIEW_SLOT : null;
  }
}
