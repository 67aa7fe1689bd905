package dev.owp.protocol.task;

import static dev.owp.protocol.task.TaskStatus.BLOCKED;
import static dev.owp.protocol.task.TaskStatus.IN_PROGRESS;
import static dev.owp.protocol.task.TaskStatus.LEASED;
import static dev.owp.protocol.task.TaskStatus.MERGED;
import static dev.owp.protocol.task.TaskStatus.PR_OPENED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The task state machine.
 *
 * <pre>
 *   ready ──lease──▶ leased ──▶ in_progress ──▶ blocked ──▶ pr_opened ──▶ merged
 *                     │  ╰──────────▶ │ ◀──────── │             │
 *                     ╰──────────────────────────────────────▶ │ ──▶ in_progress (changes requested)
 *   any held status ──release / requeue / lease expiry──▶ ready
 *   any unfinished status ──cancel (admin)──▶ cancelled
 * </pre>
 *
 * <p>Only the scheduler moves a task from ready to leased. Workers move the tasks they hold along
 * the edges in {@link #workerMove}. Merged and cancelled are final.
 */
public final class TaskStateMachine {

  /** What a worker's status report means for a task in a given status. */
  public enum WorkerMove {
    /** A legal change of status. */
    ADVANCE,
    /** The same status again: a progress note that may carry a message or artifact. */
    NOTE,
    /** The task is already merged and the worker reports merged again: a harmless retry. */
    ALREADY_DONE,
    /** Not allowed: the reply is a conflict naming both statuses. */
    ILLEGAL
  }

  private static final Map<TaskStatus, Set<TaskStatus>> WORKER_EDGES =
      new EnumMap<>(TaskStatus.class);

  static {
    WORKER_EDGES.put(LEASED, EnumSet.of(IN_PROGRESS, BLOCKED, PR_OPENED));
    WORKER_EDGES.put(IN_PROGRESS, EnumSet.of(BLOCKED, PR_OPENED));
    WORKER_EDGES.put(BLOCKED, EnumSet.of(IN_PROGRESS, PR_OPENED));
    WORKER_EDGES.put(PR_OPENED, EnumSet.of(MERGED, IN_PROGRESS));
  }

  private TaskStateMachine() {}

  /**
   * Classifies a worker's report of status {@code to} for a task it holds in status {@code from}.
   */
  public static WorkerMove workerMove(TaskStatus from, TaskStatus to) {
    if (!to.isWorkerSettable()) {
      return WorkerMove.ILLEGAL;
    }
    if (from == to) {
      if (from == MERGED) {
        return WorkerMove.ALREADY_DONE;
      }
      return from.isHeld() ? WorkerMove.NOTE : WorkerMove.ILLEGAL;
    }
    return WORKER_EDGES.getOrDefault(from, Set.of()).contains(to)
        ? WorkerMove.ADVANCE
        : WorkerMove.ILLEGAL;
  }

  /** The statuses a worker may report for a task in status {@code from}, besides repeating it. */
  public static Set<TaskStatus> workerTargets(TaskStatus from) {
    Set<TaskStatus> targets = WORKER_EDGES.get(from);
    return targets == null ? Set.of() : EnumSet.copyOf(targets);
  }

  /** True when the scheduler may lease a task in this status: only a ready one. */
  public static boolean canLease(TaskStatus from) {
    return from == TaskStatus.READY;
  }

  /** True when release, requeue or lease expiry may send the task back to ready. */
  public static boolean canReturnToPool(TaskStatus from) {
    return from.isHeld();
  }

  /** True when an admin may cancel the task: any status that is not final. */
  public static boolean canCancel(TaskStatus from) {
    return !from.isFinal();
  }

  /** The sentence a refused move is reported with, naming both statuses. */
  public static String refusal(TaskStatus from, TaskStatus to) {
    Set<TaskStatus> targets = workerTargets(from);
    String allowed =
        targets.isEmpty()
            ? "a " + from.wireName() + " task cannot be changed by its worker"
            : "from " + from.wireName() + " a worker may move to " + names(targets);
    return "Cannot move task from " + from.wireName() + " to " + to.wireName() + ": " + allowed;
  }

  private static String names(Set<TaskStatus> statuses) {
    return String.join(", ", statuses.stream().map(TaskStatus::wireName).toList());
  }
}
