package dev.owp.poold.task;

import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A task row.
 *
 * @param seq creation order; the scheduling tiebreak and the paging key
 * @param version bumped by every change of status or definition; updates are guarded by it
 * @param issueNumber the issue it was imported from, or null
 * @param issueUrl the web page of that issue, or null
 * @param withdrawn true when it was cancelled because its GitHub issue went away (closed, lost its
 *     label, deleted), not by an admin: importing it again puts it back in the pool
 */
public record TaskRecord(
    long seq,
    TaskId id,
    String repo,
    @Nullable String key,
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
    long version,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Integer issueNumber,
    @Nullable String issueUrl,
    boolean withdrawn) {

  /** The area it locks, if any. */
  public Optional<AreaKey> areaKey() {
    return Optional.ofNullable(area).map(AreaKey::new);
  }

  /** True when {@code worker} holds it now. */
  public boolean heldBy(WorkerId worker) {
    return status.isHeld() && worker.equals(workerId);
  }

  /** The task as admins see it. */
  public TaskView view() {
    return new TaskView(
        id,
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
        issueNumber,
        issueUrl);
  }

  /** The task as its worker sees it in {@code GET /v1/work}. Only for held tasks. */
  public LeaseView leaseView() {
    return new LeaseView(
        id,
        repo,
        title,
        description,
        estimatePoints,
        priority,
        area,
        tier,
        requiredSkills,
        Objects.requireNonNull(leaseExpiresAt, "a held task has a lease expiry"),
        status,
        Objects.requireNonNull(leaseId, "a held task has a lease"),
        attempt,
        message,
        artifact);
  }
}
