package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.owp.protocol.Require;
import dev.owp.protocol.lease.LeaseId;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/tasks/{task_id}/status}: a worker reports on a task it holds.
 *
 * @param status in_progress, blocked, pr_opened or merged
 * @param message why, or what happened; at most 4,000 characters
 * @param artifact what was produced; fields it omits keep their earlier values
 * @param leaseId the lease the worker believes it holds; when given and stale, the update is
 *     refused even if the same worker holds a newer lease on the task
 */
public record StatusUpdate(
    TaskStatus status,
    @Nullable String message,
    @Nullable Artifact artifact,
    @Nullable LeaseId leaseId) {

  /** Validates every field. */
  public StatusUpdate {
    Require.present("status", status);
    if (!status.isWorkerSettable()) {
      throw new IllegalArgumentException(
          "status must be one of in_progress, blocked, pr_opened, merged (got "
              + status.wireName()
              + ")");
    }
    Require.optionalText("message", message, 4000);
  }

  /** The update as sent on the wire; {@code status} is required. */
  @JsonCreator
  public static StatusUpdate of(
      @Nullable TaskStatus status,
      @Nullable String message,
      @Nullable Artifact artifact,
      @Nullable LeaseId leaseId) {
    return new StatusUpdate(Require.present("status", status), message, artifact, leaseId);
  }

  /** A bare status change. */
  public static StatusUpdate to(TaskStatus status) {
    return new StatusUpdate(status, null, null, null);
  }
}
