package dev.owp.protocol.task;

import dev.owp.protocol.lease.LeaseView;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a status update or a release: v0.1's {@code ok}, the task's status now, and when
 * its lease lapses (null once the task left the worker).
 *
 * @param newLeases the leases this report or release granted the worker, filling the room it freed,
 *     as {@code GET /v1/work} would show them: a worker can start on them without polling. Empty
 *     when nothing was granted, and from a server that predates the field.
 */
public record StatusAck(
    boolean ok, TaskStatus status, @Nullable Instant leaseExpiresAt, List<LeaseView> newLeases) {

  /** Copies the leases; none when absent. */
  public StatusAck {
    newLeases = newLeases == null ? List.of() : List.copyOf(newLeases);
  }

  /** An answer that granted nothing. */
  public StatusAck(boolean ok, TaskStatus status, @Nullable Instant leaseExpiresAt) {
    this(ok, status, leaseExpiresAt, List.of());
  }

  /** This answer with {@code leases} as the ones it granted. */
  public StatusAck withNewLeases(List<LeaseView> leases) {
    return new StatusAck(ok, status, leaseExpiresAt, leases);
  }
}
