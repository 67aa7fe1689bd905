package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a task is in its life. On the wire each status is its lower-case name, e.g. {@code
 * pr_opened}.
 *
 * <p>Three predicates carry the scheduling rules that depend on status, so that every counter the
 * server keeps is derived from one definition:
 *
 * <ul>
 *   <li>{@link #isHeld()}: a worker holds the task. Held tasks count against their repository's
 *       review budget and keep their area locked.
 *   <li>{@link #isActive()}: the worker is busy with it. Active tasks use the worker's capacity.
 *   <li>{@link #expiresWhenSilent()}: the lease lapses when the worker stops renewing it.
 * </ul>
 */
public enum TaskStatus {
  /** Waiting in the pool for a worker. */
  READY,
  /** Given to a worker, which has not started yet. */
  LEASED,
  /** The worker is working on it. */
  IN_PROGRESS,
  /** The worker is stuck and said why; it keeps the task. */
  BLOCKED,
  /** A pull request is open and waits for review. */
  PR_OPENED,
  /** The pull request was merged. Final. */
  MERGED,
  /** A maintainer withdrew the task. Final. */
  CANCELLED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The status as it appears on the wire and in the database, e.g. {@code in_progress}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a wire name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the valid statuses when {@code value} is not one
   */
  @JsonCreator
  public static TaskStatus fromWire(String value) {
    for (TaskStatus status : values()) {
      if (status.wireName.equalsIgnoreCase(value.trim())) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "unknown task status '" + value + "'; expected one of " + allWireNames());
  }

  /** All wire names, comma-separated, in lifecycle order. */
  public static String allWireNames() {
    return Arrays.stream(values()).map(TaskStatus::wireName).collect(Collectors.joining(", "));
  }

  /** True while a worker holds the task: leased, in_progress, blocked or pr_opened. */
  public boolean isHeld() {
    return this == LEASED || this == IN_PROGRESS || this == BLOCKED || this == PR_OPENED;
  }

  /** True while the task uses its worker's capacity: leased or in_progress. */
  public boolean isActive() {
    return this == LEASED || this == IN_PROGRESS;
  }

  /**
   * True when the task goes back to the pool once its lease lapses: leased, in_progress and
   * blocked. A task in {@code pr_opened} waits on review rather than on its worker, so it never
   * expires; it leaves the pool's books when merged, requeued or cancelled.
   */
  public boolean expiresWhenSilent() {
    return this == LEASED || this == IN_PROGRESS || this == BLOCKED;
  }

  /** True for merged and cancelled: nothing moves the task any more. */
  public boolean isFinal() {
    return this == MERGED || this == CANCELLED;
  }

  /** True for the statuses a worker may report: in_progress, blocked, pr_opened and merged. */
  public boolean isWorkerSettable() {
    return this == IN_PROGRESS || this == BLOCKED || this == PR_OPENED || this == MERGED;
  }
}
