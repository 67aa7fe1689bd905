package dev.owp.protocol.worker;

import dev.owp.protocol.Require;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@code GET /v1/admin/workers}.
 *
 * @param online only online (true) or offline (false) workers
 * @param limit page size, 1 to 500 (default 100)
 * @param cursor the {@code next_cursor} of the previous page
 */
public record WorkerQuery(@Nullable Boolean online, int limit, @Nullable String cursor) {

  /** Validates the page size. */
  public WorkerQuery {
    Require.range("limit", limit, 1, 500);
  }

  /** The first page of every worker. */
  public static WorkerQuery all() {
    return new WorkerQuery(null, 100, null);
  }

  /** The same query for the page after {@code nextCursor}. */
  public WorkerQuery after(String nextCursor) {
    return new WorkerQuery(online, limit, nextCursor);
  }
}
