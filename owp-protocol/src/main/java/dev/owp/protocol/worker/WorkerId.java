package dev.owp.protocol.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.owp.protocol.Ids;
import dev.owp.protocol.Require;
import java.util.regex.Pattern;

/** A worker's identifier, e.g. {@code w_0a1b2c3d4e5f6a7b}. */
public record WorkerId(@JsonValue String value) {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /** Rejects blank or oddly shaped identifiers. */
  public WorkerId {
    Require.matches(
        "worker_id",
        Require.present("worker_id", value),
        SHAPE,
        "1 to 64 letters, digits or _.:- characters");
  }

  /** Parses a worker id. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static WorkerId of(String value) {
    return new WorkerId(value);
  }

  /** A fresh random worker id. */
  public static WorkerId random() {
    return new WorkerId(Ids.random("w_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
