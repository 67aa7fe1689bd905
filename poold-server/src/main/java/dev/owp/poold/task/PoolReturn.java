package dev.owp.poold.task;

import dev.owp.protocol.event.EventType;

/** Why a held task goes back to the pool, with the event and message that record it. */
public enum PoolReturn {
  /** Its worker gave it back. */
  RELEASED(EventType.TASK_RELEASED, "released", "released by its worker"),
  /** Its worker was silent for longer than the lease TTL. */
  LEASE_EXPIRED(EventType.TASK_REQUEUED, "lease_expired", "requeued (lease expired)"),
  /** An admin sent it back. */
  REQUEUED_BY_ADMIN(EventType.TASK_REQUEUED, "admin", "requeued by an admin"),
  /** An admin removed its worker. */
  WORKER_REMOVED(EventType.TASK_REQUEUED, "worker_removed", "requeued (worker removed)"),
  /** Its pull request was closed on GitHub without being merged. */
  PR_CLOSED(EventType.TASK_REQUEUED, "pr_closed", "requeued (pull request closed without merge)");

  /** How long a released task is not offered again to the worker that released it. */
  public static final java.time.Duration RELEASE_COOLDOWN = java.time.Duration.ofMinutes(30);

  private final EventType event;
  private final String reason;
  private final String message;

  PoolReturn(EventType event, String reason, String message) {
    this.event = event;
    this.reason = reason;
    this.message = message;
  }

  EventType event() {
    return event;
  }

  /** The {@code reason} detail of the event, e.g. {@code lease_expired}. */
  String reason() {
    return reason;
  }

  /** The task's message afterwards, with the caller's own words when given. */
  String message(@org.jspecify.annotations.Nullable String note) {
    return note == null || note.isBlank() ? message : message + ": " + note;
  }
}
