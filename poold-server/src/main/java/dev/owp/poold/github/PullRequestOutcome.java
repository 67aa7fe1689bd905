package dev.owp.poold.github;

import dev.owp.poold.task.PoolReturn;
import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what GitHub says about a task's pull request: merged → {@code merged}; closed without
 * merge → back to the pool ({@code ready}, attempt + 1). A task that is no longer {@code pr_opened}
 * is left alone, so a webhook redelivery, a poll racing a webhook, or two replicas seeing the same
 * answer change the task once.
 */
@Component
class PullRequestOutcome {

  /** The state of a pull request that matters to the pool. */
  enum State {
    OPEN,
    MERGED,
    CLOSED_UNMERGED;

    static State of(String state, boolean merged) {
      if (merged) {
        return MERGED;
      }
      return "closed".equalsIgnoreCase(state) ? CLOSED_UNMERGED : OPEN;
    }
  }

  private final TaskRepository tasks;
  private final TaskMoves moves;
  private final Clock clock;

  PullRequestOutcome(TaskRepository tasks, TaskMoves moves, Clock clock) {
    this.tasks = tasks;
    this.moves = moves;
    this.clock = clock;
  }

  /** Applies {@code state} to the task; returns true when the task changed. */
  @Transactional
  public boolean apply(String taskId, PullRequestRef pr, State state) {
    if (state == State.OPEN) {
      return false;
    }
    TaskRecord task = tasks.find(TaskId.of(taskId)).orElse(null);
    if (task == null || task.status() != TaskStatus.PR_OPENED) {
      return false;
    }
    Instant now = clock.instant();
    if (state == State.MERGED) {
      moves.advance(
          task, TaskStatus.MERGED, "pull request " + pr.key() + " merged on GitHub", null, now);
    } else {
      moves.returnToPool(task, PoolReturn.PR_CLOSED, pr.key(), now);
    }
    return true;
  }
}
