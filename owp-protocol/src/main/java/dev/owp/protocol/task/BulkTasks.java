package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.owp.protocol.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/admin/tasks/bulk}: many tasks in one all-or-nothing request. If any task is
 * invalid, none is created and the error names the first bad entry by its index.
 *
 * <p>An importer that mirrors another tracker (GitHub issues) also names, in {@code withdraw}, the
 * keys of tasks whose source went away; they are cancelled in the same transaction when no worker
 * has started them. Left out of the JSON when empty, as v0.1 requests have no such field.
 *
 * @param tasks up to 5,000 tasks; keys must be unique within a repository
 * @param withdraw up to 5,000 tasks to cancel by key unless started; a key may not also be in
 *     {@code tasks}. At least one of the two lists holds an entry.
 */
public record BulkTasks(
    List<TaskSpec> tasks,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TaskWithdrawal> withdraw) {

  /** Most tasks in one request. */
  public static final int MAX_TASKS = 5_000;

  /** Checks the size and that no key repeats. */
  public BulkTasks {
    tasks = List.copyOf(Require.size("tasks", Require.present("tasks", tasks), MAX_TASKS));
    withdraw =
        withdraw == null ? List.of() : List.copyOf(Require.size("withdraw", withdraw, MAX_TASKS));
    if (tasks.isEmpty() && withdraw.isEmpty()) {
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
    for (int i = 0; i < withdraw.size(); i++) {
      TaskWithdrawal entry = withdraw.get(i);
      if (!keys.add(entry.repo() + "\u0000" + entry.key())) {
        throw new IllegalArgumentException(
            "withdraw[" + i + "].key '" + entry.key() + "' appears twice in repo " + entry.repo());
      }
    }
  }

  /** Tasks to create or update, nothing to withdraw. */
  public BulkTasks(List<TaskSpec> tasks) {
    this(tasks, List.of());
  }

  /** The request as sent on the wire. */
  @JsonCreator
  public static BulkTasks of(
      @Nullable List<TaskSpec> tasks, @Nullable List<TaskWithdrawal> withdraw) {
    return new BulkTasks(Require.present("tasks", tasks), withdraw == null ? List.of() : withdraw);
  }

  /** A request with tasks only. */
  public static BulkTasks of(@Nullable List<TaskSpec> tasks) {
    return of(tasks, null);
  }
}
