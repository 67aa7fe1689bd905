package dev.owp.protocol.scheduling;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a worker counts as online: it heartbeated, or reported on a task, within the heartbeat TTL.
 *
 * <p>A report records the time it was made only when the recorded one is older than a hundredth of
 * the TTL (0.9 seconds at the default): a busy worker reports several times a second, and each
 * record is a write under the one writer. A worker may so be taken for gone up to that much sooner
 * than the TTL says. Heartbeats always record their time.
 */
public final class Presence {

  /** The default heartbeat TTL ({@code --heartbeat-ttl}). */
  public static final Duration DEFAULT_HEARTBEAT_TTL = Duration.ofSeconds(90);

  /** A report leaves alone a last sign of life younger than {@code ttl / RECORD_RESOLUTION}. */
  static final int RECORD_RESOLUTION = 100;

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

  /**
   * The last sign of life below which a report made at {@code now} records its own; one at or after
   * it is less than a hundredth of {@code ttl} old and is kept as it is.
   */
  public static Instant recordsBelow(Instant now, Duration ttl) {
    return now.minus(ttl.dividedBy(RECORD_RESOLUTION));
  }
}
