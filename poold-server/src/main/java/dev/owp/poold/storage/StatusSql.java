package dev.owp.poold.storage;

import dev.owp.protocol.task.TaskStatus;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * SQL {@code IN} lists of task statuses, derived from the predicates of {@link TaskStatus} so that
 * queries can never disagree with the rules about which statuses are held, active or expiring.
 */
public final class StatusSql {

  /** {@code 'leased', 'in_progress', 'blocked', 'pr_opened'}. */
  public static final String HELD = inList(TaskStatus::isHeld);

  /** {@code 'leased', 'in_progress', 'blocked'}. */
  public static final String EXPIRING = inList(TaskStatus::expiresWhenSilent);

  private StatusSql() {}

  private static String inList(Predicate<TaskStatus> predicate) {
    return Arrays.stream(TaskStatus.values())
        .filter(predicate)
        .map(status -> "'" + status.wireName() + "'")
        .collect(Collectors.joining(", "));
  }
}
