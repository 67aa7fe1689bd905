package dev.owp.protocol.scheduling;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A worker's capacity and how much of it its active tasks (leased and in_progress) use.
 *
 * <p>{@code capacity_points} is an in-flight budget, not a daily one: it frees up as soon as a task
 * stops being active.
 *
 * @param usedPoints estimate points of the worker's active tasks
 * @param usedTasks number of the worker's active tasks
 * @param capacityPoints the worker's declared capacity
 * @param maxConcurrentTasks the worker's declared concurrency
 */
public record WorkerLoad(
    int usedPoints, int usedTasks, int capacityPoints, int maxConcurrentTasks) {

  /** True when a task of {@code estimatePoints} still fits: a free slot and enough points. */
  public boolean fits(int estimatePoints) {
    return usedTasks < maxConcurrentTasks && usedPoints + estimatePoints <= capacityPoints;
  }

  /** True when not even the smallest task fits. */
  @JsonIgnore
  public boolean isFull() {
    return !fits(1);
  }

  /** Points still free. */
  public int freePoints() {
    return Math.max(0, capacityPoints - usedPoints);
  }

  /** Task slots still free. */
  public int freeSlots() {
    return Math.max(0, maxConcurrentTasks - usedTasks);
  }

  /** The load after taking one more task of {@code estimatePoints}. */
  public WorkerLoad plus(int estimatePoints) {
    return new WorkerLoad(
        usedPoints + estimatePoints, usedTasks + 1, capacityPoints, maxConcurrentTasks);
  }
}
