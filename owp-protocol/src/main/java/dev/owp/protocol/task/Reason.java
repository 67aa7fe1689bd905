package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import org.jspecify.annotations.Nullable;

/**
 * An optional reason for a release, requeue, cancel, pause or removal, recorded in the event log
 * and shown as the task's message. At most 500 characters.
 */
public record Reason(@Nullable String reason) {

  /** No reason given. */
  public static final Reason NONE = new Reason(null);

  /** Validates the length. */
  public Reason {
    reason =
        reason == null || reason.isBlank() ? null : Require.text("reason", reason.strip(), 1, 500);
  }

  /** The reason as sent on the wire. */
  @JsonCreator
  public static Reason of(@Nullable String reason) {
    return new Reason(reason);
  }
}
