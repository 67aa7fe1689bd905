package dev.owp.protocol.task;

/**
 * What one task takes from the pool's limits while it is in a given status: points and a slot of
 * its worker's capacity, and a slot of its repository's review budget.
 *
 * <p>The server keeps these as counters on the worker and repository rows. Every status change
 * applies {@code of(to).minus(of(from))}, so the counters follow from {@link TaskStatus#isActive()}
 * and {@link TaskStatus#isHeld()} alone.
 *
 * @param workerPoints capacity points used on the worker
 * @param workerTasks concurrent-task slots used on the worker
 * @param reviewSlots review-budget slots used on the repository
 */
public record Occupancy(int workerPoints, int workerTasks, int reviewSlots) {

  /** Nothing used. */
  public static final Occupancy NONE = new Occupancy(0, 0, 0);

  /** What a task of {@code estimatePoints} occupies while in {@code status}. */
  public static Occupancy of(TaskStatus status, int estimatePoints) {
    boolean active = status.isActive();
    return new Occupancy(active ? estimatePoints : 0, active ? 1 : 0, status.isHeld() ? 1 : 0);
  }

  /** The change from {@code earlier} to this occupancy. */
  public Occupancy minus(Occupancy earlier) {
    return new Occupancy(
        workerPoints - earlier.workerPoints,
        workerTasks - earlier.workerTasks,
        reviewSlots - earlier.reviewSlots);
  }

  /** What a move from {@code from} to {@code to} changes, for a task of {@code estimatePoints}. */
  public static Occupancy change(TaskStatus from, TaskStatus to, int estimatePoints) {
    return of(to, estimatePoints).minus(of(from, estimatePoints));
  }

  /** True when the worker's usage grows. */
  public boolean takesWorkerCapacity() {
    return workerTasks > 0 || workerPoints > 0;
  }
}
