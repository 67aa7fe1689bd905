package dev.owp.protocol.worker;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a worker says it is doing, in its heartbeats. A paused worker gets no new leases. */
public enum WorkerStatus {
  /** Waiting for work. */
  IDLE,
  /** Working on its leases. */
  WORKING,
  /** Wants no new work for now; keeps the leases it has. */
  PAUSED;

  /** The wire name, e.g. {@code idle}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, case-insensitively. */
  @JsonCreator
  public static WorkerStatus fromWire(String value) {
    for (WorkerStatus status : values()) {
      if (status.wireName().equalsIgnoreCase(value.trim())) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "unknown worker status '" + value + "'; expected one of idle, working, paused");
  }
}
