package dev.owp.protocol.event;

import dev.owp.protocol.Require;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@code GET /v1/admin/events}.
 *
 * @param taskId only events of this task
 * @param workerId only events caused by this worker
 * @param repo only events of this repository
 * @param type only events of this type
 * @param limit page size, 1 to 500 (default 100)
 * @param cursor the {@code next_cursor} of the previous page
 */
public record EventQuery(
    @Nullable TaskId taskId,
    @Nullable WorkerId workerId,
    @Nullable String repo,
    @Nullable EventType type,
    int limit,
    @Nullable String cursor) {

  /** Validates the page size and the repository filter. */
  public EventQuery {
    Require.range("limit", limit, 1, 500);
    if (repo != null) {
      Require.noControlCharacters("repo", repo);
    }
  }

  /** The newest events. */
  public static EventQuery recent() {
    return new EventQuery(null, null, null, null, 100, null);
  }

  /** The history of one task. */
  public static EventQuery ofTask(TaskId taskId) {
    return new EventQuery(taskId, null, null, null, 500, null);
  }

  /** The same query for the page after {@code nextCursor}. */
  public EventQuery after(String nextCursor) {
    return new EventQuery(taskId, workerId, repo, type, limit, nextCursor);
  }
}
