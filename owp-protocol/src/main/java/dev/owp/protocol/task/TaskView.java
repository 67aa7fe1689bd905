package dev.owp.protocol.task;

import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task with everything the pool knows about it.
 *
 * @param workerId the worker holding it, or that last held it once it is merged
 * @param leaseId the current lease, null when no worker holds it
 * @param leaseExpiresAt when the current lease lapses unless renewed, null when not held
 * @param attempt how many times the task went back to the pool
 * @param message the last status message or reason
 * @param issueNumber the issue it was imported from, or null
 * @param issueUrl the web page of that issue, or null
 */
public record TaskView(
    TaskId taskId,
    @Nullable String key,
    String repo,
    String title,
    @Nullable String description,
    int estimatePoints,
    int priority,
    List<String> requiredSkills,
    @Nullable String area,
    int tier,
    TaskStatus status,
    @Nullable WorkerId workerId,
    @Nullable LeaseId leaseId,
    @Nullable Instant leasedAt,
    @Nullable Instant leaseExpiresAt,
    int attempt,
    @Nullable String message,
    @Nullable Artifact artifact,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Integer issueNumber,
    @Nullable String issueUrl) {

  /** Copies the skills. */
  public TaskView {
    requiredSkills = List.copyOf(requiredSkills);
  }

  /** A task that does not come from an issue. */
  public TaskView(
      TaskId taskId,
      @Nullable String key,
      String repo,
      String title,
      @Nullable String description,
      int estimatePoints,
      int priority,
      List<String> requiredSkills,
      @Nullable String area,
      int tier,
      TaskStatus status,
      @Nullable WorkerId workerId,
      @Nullable LeaseId leaseId,
      @Nullable Instant leasedAt,
      @Nullable Instant leaseExpiresAt,
      int attempt,
      @Nullable String message,
      @Nullable Artifact artifact,
      Instant createdAt,
      Instant updatedAt) {
    this(
        taskId,
        key,
        repo,
        title,
        description,
        estimatePoints,
        priority,
        requiredSkills,
        area,
        tier,
        status,
        workerId,
        leaseId,
        leasedAt,
        leaseExpiresAt,
        attempt,
        message,
        artifact,
        createdAt,
        updatedAt,
        null,
        null);
  }
}
