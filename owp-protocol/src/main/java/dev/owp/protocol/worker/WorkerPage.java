package dev.owp.protocol.worker;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of workers, oldest first. Pass {@code next_cursor} back as {@code cursor} for the next
 * page; it is null on the last page.
 */
public record WorkerPage(List<WorkerView> workers, @Nullable String nextCursor) {

  /** Copies the workers. */
  public WorkerPage {
    workers = List.copyOf(workers);
  }
}
