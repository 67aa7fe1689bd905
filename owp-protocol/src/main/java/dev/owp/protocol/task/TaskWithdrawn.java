package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What became of one entry of {@link BulkTasks#withdraw()}, in request order.
 *
 * @param taskId the task with that key
 * @param key the key that was withdrawn
 * @param outcome cancelled, kept (a worker had started it) or unchanged (already cancelled)
 */
public record TaskWithdrawn(TaskId taskId, String key, Outcome outcome) {

  /** What a withdrawal did. */
  public enum Outcome {
    /** The task was waiting and is cancelled now. */
    CANCELLED,
    /** A worker had started (or finished) the task: it is kept as it is. */
    KEPT,
    /** The task was already cancelled. */
    UNCHANGED;

    /** The wire name, e.g. {@code cancelled}. */
    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
