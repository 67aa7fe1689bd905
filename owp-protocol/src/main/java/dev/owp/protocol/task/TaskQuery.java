package dev.owp.protocol.task;

import dev.owp.protocol.Require;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@code GET /v1/admin/tasks}.
 *
 * @param repo only this repository
 * @param status only this status
 * @param limit page size, 1 to 500 (default 100)
 * @param cursor the {@code next_cursor} of the previous page
 */
public record TaskQuery(
    @Nullable String repo, @Nullable TaskStatus status, int limit, @Nullable String cursor) {

  /** Default page size. */
  public static final int DEFAULT_LIMIT = 100;

  /** Largest page size. */
  public static final int MAX_LIMIT = 500;

  /** Validates the page size and the repository filter. */
  public TaskQuery {
    Require.range("limit", limit, 1, MAX_LIMIT);
    if (repo != null) {
      Require.noControlCharacters("repo", repo);
    }
  }

  /** The first page of every task. */
  public static TaskQuery all() {
    return new TaskQuery(null, null, DEFAULT_LIMIT, null);
  }

  /** The same query for the page after {@code nextCursor}. */
  public TaskQuery after(String nextCursor) {
    return new TaskQuery(repo, status, limit, nextCursor);
  }
}
