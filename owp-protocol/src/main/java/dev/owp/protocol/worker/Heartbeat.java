package dev.owp.protocol.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/workers/heartbeat}: the worker is alive. Renews the leases of every task it
 * holds, and, unless it is paused, fills its free capacity with new leases.
 *
 * @param status what the worker is doing (default {@code idle}); {@code paused} takes no new work
 * @param note free text for the operator, at most 500 characters
 */
public record Heartbeat(WorkerStatus status, @Nullable String note) {

  /** Validates the note. */
  public Heartbeat {
    Require.present("status", status);
    Require.optionalText("note", note, 500);
  }

  /** The heartbeat as sent on the wire, where both fields may be omitted. */
  @JsonCreator
  public static Heartbeat of(@Nullable WorkerStatus status, @Nullable String note) {
    return new Heartbeat(Objects.requireNonNullElse(status, WorkerStatus.IDLE), note);
  }
}
