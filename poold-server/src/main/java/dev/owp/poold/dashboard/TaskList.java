package dev.owp.poold.dashboard;

import dev.owp.protocol.task.TaskView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the filtered task list, newest first.
 *
 * @param nextHref the link to the next (older) page, null on the last page
 */
record TaskList(TaskFilter filter, List<TaskView> tasks, @Nullable String nextHref) {}
