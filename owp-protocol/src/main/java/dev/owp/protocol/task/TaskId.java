package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.owp.protocol.Ids;
import dev.owp.protocol.Require;
import java.util.regex.Pattern;

/**
 * A task's identifier, e.g. {@code t_3f9c0a1b2c3d4e5f}. Opaque to clients; on the wire it is a
 * plain JSON string.
 */
public record TaskId(@JsonValue String value) {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /** Rejects blank or oddly shaped identifiers. */
  public TaskId {
    Require.matches(
        "task_id",
        Require.present("task_id", value),
        SHAPE,
        "1 to 64 letters, digits or _.:- characters");
  }

  /** Parses a task id as it appears on the wire or in a URL. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TaskId of(String value) {
    return new TaskId(value);
  }

  /** A fresh random task id. */
  public static TaskId random() {
    return new TaskId(Ids.random("t_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
