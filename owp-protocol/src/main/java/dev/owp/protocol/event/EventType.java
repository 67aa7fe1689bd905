package dev.owp.protocol.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The vocabulary of the audit log. Wire names keep v0.1's dotted form ({@code task.leased}).
 * Heartbeats are not logged one by one; a worker going online or offline is.
 */
public enum EventType {
  /** A repository was registered or reconfigured. */
  REPO_UPSERT("repo.upsert"),
  /** A worker registered. */
  WORKER_REGISTER("worker.register"),
  /** A worker's first heartbeat after being offline (or ever). */
  WORKER_ONLINE("worker.online"),
  /** A worker missed heartbeats for longer than the heartbeat TTL. */
  WORKER_OFFLINE("worker.offline"),
  /** A worker was paused, by itself or an admin. */
  WORKER_PAUSED("worker.paused"),
  /** A worker's pause was lifted. */
  WORKER_RESUMED("worker.resumed"),
  /** An admin removed a worker; its held tasks went back to the pool. */
  WORKER_REMOVED("worker.removed"),
  /** An admin changed a worker's trust tier. */
  WORKER_TIER("worker.tier"),
  /** A task was created. */
  TASK_CREATE("task.create"),
  /** A task was updated by a re-import with the same key. */
  TASK_UPDATE("task.update"),
  /** A task was leased to a worker. */
  TASK_LEASED("task.leased"),
  /** A worker reported a status. */
  TASK_STATUS("task.status"),
  /** A worker gave a task back to the pool. */
  TASK_RELEASED("task.released"),
  /**
   * A task went back to the pool: its lease expired, an admin requeued it, or its worker was
   * removed.
   */
  TASK_REQUEUED("task.requeued"),
  /** An admin cancelled a task. */
  TASK_CANCELLED("task.cancelled");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The wire name, e.g. {@code task.leased}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name. */
  @JsonCreator
  public static EventType fromWire(String value) {
    for (EventType type : values()) {
      if (type.wireName.equals(value)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown event type '" + value + "'");
  }
}
