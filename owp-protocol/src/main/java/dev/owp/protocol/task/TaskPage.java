package dev.owp.protocol.task;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of tasks, newest first. Pass {@code next_cursor} back as {@code cursor} for the next page;
 * it is null on the last page.
 */
public record TaskPage(List<TaskView> tasks, @Nullable String nextCursor) {

  /** Copies the tasks. */
  public TaskPage {
    tasks = List.copyOf(tasks);
  }
}
