package dev.owp.protocol.scheduling;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When a worker counts as online: it heartbeated within the heartbeat TTL. */
public final class Presence {

  /** The default heartbeat TTL ({@code --heartbeat-ttl}). */
  public static final Duration DEFAULT_HEARTBEAT_TTL = Duration.ofSeconds(90);

  private Presence() {}

  /**
   * True when a worker whose last heartbeat was at {@code lastHeartbeat} is online at {@code now}.
   * The bound is inclusive: a heartbeat exactly {@code ttl} ago still counts. A worker that never
   * heartbeated is offline.
   */
  public static boolean isOnline(@Nullable Instant lastHeartbeat, Instant now, Duration ttl) {
    return lastHeartbeat != null && !lastHeartbeat.plus(ttl).isBefore(now);
  }

  /** The earliest heartbeat time that still counts as online at {@code now}. */
  public static Instant onlineSince(Instant now, Duration ttl) {
    return now.minus(ttl);
  }
}
