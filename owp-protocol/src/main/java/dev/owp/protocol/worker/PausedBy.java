package dev.owp.protocol.worker;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who paused a worker with an explicit pause (as opposed to a heartbeat saying {@code paused}). A
 * worker can lift its own pause but not an admin's.
 */
public enum PausedBy {
  /** The worker paused itself ({@code pool worker pause}). */
  WORKER,
  /** An admin paused it. */
  ADMIN;

  /** The wire name, e.g. {@code admin}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name. */
  public static PausedBy fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
