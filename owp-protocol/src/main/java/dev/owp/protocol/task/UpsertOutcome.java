package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What creating a task with a {@code key} did. */
public enum UpsertOutcome {
  /** A new task. */
  CREATED,
  /** The task with that key existed and changed. */
  UPDATED,
  /** The task with that key existed and already matched. */
  UNCHANGED;

  /** The wire name, e.g. {@code created}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
