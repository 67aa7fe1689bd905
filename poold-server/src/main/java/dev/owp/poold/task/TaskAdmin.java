package dev.owp.poold.task;

import dev.owp.poold.web.ApiException;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStateMachine;
import dev.owp.protocol.task.TaskView;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an admin may do to a task: send it back to the pool, or cancel it. */
@Service
public class TaskAdmin {

  private final TaskRepository tasks;
  private final TaskMoves moves;
  private final Clock clock;

  TaskAdmin(TaskRepository tasks, TaskMoves moves, Clock clock) {
    this.tasks = tasks;
    this.moves = moves;
    this.clock = clock;
  }

  /** Sends a held task back to the pool, e.g. a pull request abandoned by its author. */
  @Transactional
  public TaskView requeue(TaskId id, Reason reason) {
    TaskRecord task = existing(id);
    if (!TaskStateMachine.canReturnToPool(task.status())) {
      throw ApiException.conflict(
              "Task "
                  + id
                  + " is "
                  + task.status().wireName()
                  + ": only a leased, in_progress, blocked or pr_opened task can be requeued")
          .with("task_status", task.status().wireName());
    }
    moves.returnToPool(task, PoolReturn.REQUEUED_BY_ADMIN, reason.reason(), clock.instant());
    return existing(id).view();
  }

  /** Cancels a task that is not finished; a worker holding it loses it. */
  @Transactional
  public TaskView cancel(TaskId id, Reason reason) {
    TaskRecord task = existing(id);
    if (!TaskStateMachine.canCancel(task.status())) {
      throw ApiException.conflict("Task " + id + " is already " + task.status().wireName())
          .with("task_status", task.status().wireName());
    }
    moves.cancel(task, reason.reason(), clock.instant());
    return existing(id).view();
  }

  private TaskRecord existing(TaskId id) {
    return tasks.find(id).orElseThrow(() -> ApiException.notFound("Task not found: " + id));
  }
}
