package dev.owp.poold.task;

import java.util.Comparator;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The order in which a transaction that moves several tasks takes them: by repository, then by
 * area, then by task. With {@link TaskMoves}' worker → area lock → task → repository order for each
 * task, two such transactions on PostgreSQL (two worker removals on different replicas, say) can
 * never each hold a repository row the other waits for.
 */
public final class LockOrder {

  private LockOrder() {}

  /** Orders items by the repository, area (none first) and task id that the functions give. */
  public static <T> Comparator<T> of(
      Function<T, String> repo, Function<T, @Nullable String> area, Function<T, String> task) {
    return Comparator.comparing(repo)
        .thenComparing(
            item -> {
              String value = area.apply(item);
              return value == null ? "" : value;
            })
        .thenComparing(task);
  }
}
