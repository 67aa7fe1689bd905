package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What creating a task with a {@code key} did. */
public enum UpsertOutcome {
  /** A new task. */
  CREATED,
  /** The task with that key existed and changed. */
  UPDATED,
  /** The task with that key existed and already matched (or was already cancelled). */
  UNCHANGED,
  /** A withdrawn task was cancelled. */
  CANCELLED,
  /** A withdrawn task was kept: a worker had started it. */
  KEPT;

  /** The wire name, e.g. {@code created}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
