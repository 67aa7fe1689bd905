package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/admin/tasks/bulk}: many tasks in one all-or-nothing request. If any task is
 * invalid, none is created and the error names the first bad entry by its index.
 *
 * @param tasks 1 to 5,000 tasks; keys must be unique within a repository
 */
public record BulkTasks(List<TaskSpec> tasks) {

  /** Most tasks in one request. */
  public static final int MAX_TASKS = 5_000;

  /** Checks the size and that no key repeats. */
  public BulkTasks {
    tasks = List.copyOf(Require.size("tasks", Require.present("tasks", tasks), MAX_TASKS));
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks must hold at least one task");
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      TaskSpec task = tasks.get(i);
      if (task.key() != null && !keys.add(task.repo() + "\u0000" + task.key())) {
        throw new IllegalArgumentException(
            "tasks[" + i + "].key '" + task.key() + "' appears twice in repo " + task.repo());
      }
    }
  }

  /** The request as sent on the wire. */
  @JsonCreator
  public static BulkTasks of(@Nullable List<TaskSpec> tasks) {
    return new BulkTasks(Require.present("tasks", tasks));
  }
}
