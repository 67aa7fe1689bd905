package dev.owp.cli.bench;

import dev.owp.protocol.task.TaskId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's side of the exactly-once check: which seeded tasks were merged, and how often. A
 * task merged twice, a merge of a task that was never seeded, or a lease of a task already merged
 * is a violation.
 */
final class Completions {

  private final Set<TaskId> seeded;
  private final RunClock clock;
  private final Map<TaskId, Integer> merged = new ConcurrentHashMap<>();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger completedMeasured = new AtomicInteger();
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final CountDownLatch allMerged = new CountDownLatch(1);

  Completions(Collection<TaskId> seeded, RunClock clock) {
    this.seeded = Set.copyOf(seeded);
    this.clock = clock;
  }

  /** A worker's report that {@code task} is merged was accepted. */
  void merged(TaskId task) {
    if (!seeded.contains(task)) {
      violations.add("merged a task this run did not seed: " + task.value());
      return;
    }
    int times = merged.merge(task, 1, Integer::sum);
    if (times > 1) {
      violations.add("task " + task.value() + " merged " + times + " times");
    } else {
      if (clock.measures(clock.now())) {
        completedMeasured.incrementAndGet();
      }
      if (completed.incrementAndGet() == seeded.size()) {
        allMerged.countDown();
      }
    }
  }

  /** A worker was handed {@code task}; it must not be one already merged. */
  void leased(TaskId task) {
    if (merged.containsKey(task)) {
      violations.add("task " + task.value() + " leased again after it was merged");
    }
  }

  /** Whether a worker's report that {@code task} is merged was accepted. */
  boolean wasMerged(TaskId task) {
    return merged.containsKey(task);
  }

  void violation(String what) {
    violations.add(what);
  }

  boolean await(long millis) throws InterruptedException {
    return allMerged.await(millis, TimeUnit.MILLISECONDS);
  }

  boolean isDone() {
    return allMerged.getCount() == 0;
  }

  int completed() {
    return completed.get();
  }

  /** Tasks merged after the warm-up. */
  int completedMeasured() {
    return completedMeasured.get();
  }

  int expected() {
    return seeded.size();
  }

  List<String> violations() {
    return List.copyOf(violations);
  }
}
