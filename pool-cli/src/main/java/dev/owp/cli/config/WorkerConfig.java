package dev.owp.cli.config;

import org.jspecify.annotations.Nullable;

/**
 * What {@code pool worker register} saves: the server, the worker's id and its bearer token. On
 * disk it is {@code {"server": …, "worker_id": …, "token": …}}, as in v0.1.
 */
public record WorkerConfig(
    @Nullable String server, @Nullable String workerId, @Nullable String token) {

  /** Nothing saved yet. */
  public static final WorkerConfig EMPTY = new WorkerConfig(null, null, null);

  /** Keeps the token out of logs and stack traces. */
  @Override
  public String toString() {
    return "WorkerConfig[server="
        + server
        + ", workerId="
        + workerId
        + ", token="
        + (token == null ? null : "(redacted)")
        + "]";
  }
}
