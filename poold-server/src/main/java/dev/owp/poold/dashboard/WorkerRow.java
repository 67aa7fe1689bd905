package dev.owp.poold.dashboard;

import dev.owp.protocol.worker.WorkerView;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A worker as one row of the dashboard.
 *
 * @param state {@code online}, {@code paused} or {@code offline}
 * @param lastHeartbeatAgo e.g. "12 s ago", or "never"
 */
record WorkerRow(WorkerView worker, String state, String lastHeartbeatAgo) {

  static WorkerRow of(WorkerView worker, Instant now) {
    String state = !worker.online() ? "offline" : worker.paused() ? "paused" : "online";
    return new WorkerRow(worker, state, Ago.text(worker.lastHeartbeat(), now));
  }

  /** Epoch millis of the last heartbeat, for the page's ticking clock; null when never. */
  public @Nullable Long lastHeartbeatMillis() {
    Instant at = worker.lastHeartbeat();
    return at == null ? null : at.toEpochMilli();
  }

  /** True when an admin paused it (only an admin may resume it then). */
  public boolean pausedByAdmin() {
    return worker.pausedBy() == dev.owp.protocol.worker.PausedBy.ADMIN;
  }
}
