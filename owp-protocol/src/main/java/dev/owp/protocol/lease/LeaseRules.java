package dev.owp.protocol.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a lease lasts and when it lapses.
 *
 * <p>A lease is renewed whenever its worker shows signs of life: every heartbeat and every status
 * update pushes the expiry of all the worker's held tasks to {@code now + ttl}. A worker silent for
 * longer than the TTL loses its leased, in_progress and blocked tasks to the pool. (The original
 * never renewed: any task still in progress 30 minutes after it was leased was taken away, even
 * from a healthy worker.)
 */
public final class LeaseRules {

  /** The default lease TTL ({@code --lease-ttl}): 30 minutes. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(1800);

  /** The default interval of the background cycle ({@code --cycle}): 5 seconds. */
  public static final Duration DEFAULT_CYCLE = Duration.ofSeconds(5);

  private LeaseRules() {}

  /** The expiry of a lease renewed at {@code renewedAt}. */
  public static Instant expiresAt(Instant renewedAt, Duration ttl) {
    return renewedAt.plus(ttl);
  }

  /**
   * True when a lease expiring at {@code expiresAt} has lapsed at {@code now}. The expiry is
   * exclusive: at exactly {@code expiresAt} the lease is gone.
   */
  public static boolean isExpired(Instant expiresAt, Instant now) {
    return !now.isBefore(expiresAt);
  }
}
