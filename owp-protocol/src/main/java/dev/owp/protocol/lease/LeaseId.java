package dev.owp.protocol.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.owp.protocol.Ids;
import dev.owp.protocol.Require;
import java.util.regex.Pattern;

/**
 * Identifies one grant of a task to a worker, e.g. {@code l_0a1b2c3d4e5f6a7b}. A task that is
 * requeued and leased again gets a new lease id, so a worker that quotes its lease id can never
 * update a task it lost.
 */
public record LeaseId(@JsonValue String value) {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /** Rejects blank or oddly shaped identifiers. */
  public LeaseId {
    Require.matches(
        "lease_id",
        Require.present("lease_id", value),
        SHAPE,
        "1 to 64 letters, digits or _.:- characters");
  }

  /** Parses a lease id. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static LeaseId of(String value) {
    return new LeaseId(value);
  }

  /** A fresh random lease id. */
  public static LeaseId random() {
    return new LeaseId(Ids.random("l_"));
  }

  @Override
  public String toString() {
    return value;
  }
}
