package dev.owp.poold.dashboard;

import dev.owp.protocol.task.TaskStateMachine;
import dev.owp.protocol.task.TaskView;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task's page: its details, the issue it came from, its pull request and full history, oldest
 * event first.
 *
 * @param lastEventId the newest event when the page was read: the live feed starts after it
 */
record TaskDetailView(TaskView task, List<EventRow> history, Instant serverTime, long lastEventId) {

  /** The pull request link, only when it is an http(s) URL (never {@code javascript:}). */
  public @Nullable String prUrl() {
    return task.artifact() == null ? null : safeLink(task.artifact().prUrl());
  }

  /** The link to the issue the task came from, only when it is an http(s) URL. */
  public @Nullable String issueUrl() {
    return safeLink(task.issueUrl());
  }

  /** The patch link, only when it is an http(s) URL. */
  public @Nullable String patchUrl() {
    return task.artifact() == null ? null : safeLink(task.artifact().patchUrl());
  }

  public boolean canRequeue() {
    return TaskStateMachine.canReturnToPool(task.status());
  }

  public boolean canCancel() {
    return TaskStateMachine.canCancel(task.status());
  }

  private static @Nullable String safeLink(@Nullable String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
  }
}
