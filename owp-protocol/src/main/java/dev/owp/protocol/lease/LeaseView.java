package dev.owp.protocol.lease;

import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One task a worker holds, as {@code GET /v1/work} lists it. The first ten fields are the v0.1
 * {@code LeaseView}; {@code status}, {@code lease_id}, {@code attempt}, {@code message} and {@code
 * artifact} were added so a worker knows where each task stands.
 *
 * @param leaseExpiresAt when the lease lapses unless renewed (exclusive)
 * @param attempt how many times the task went back to the pool before this lease
 */
public record LeaseView(
    TaskId taskId,
    String repo,
    String title,
    @Nullable String description,
    int estimatePoints,
    int priority,
    @Nullable String area,
    int tier,
    List<String> requiredSkills,
    Instant leaseExpiresAt,
    TaskStatus status,
    LeaseId leaseId,
    int attempt,
    @Nullable String message,
    @Nullable Artifact artifact) {

  /** Copies the skills. */
  public LeaseView {
    requiredSkills = List.copyOf(requiredSkills);
  }
}
