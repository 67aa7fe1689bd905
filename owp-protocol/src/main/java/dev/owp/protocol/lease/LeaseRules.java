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
 *
 * <p>A status report does not renew leases that are already almost as long as a renewal would make
 * them: when all the worker's leases were renewed within the last hundredth of the TTL (18 seconds
 * at the default TTL), the report leaves them as they are ({@link #renewedRecently}). A busy worker
 * reports several times a second, and each renewal is a write. Heartbeats always renew.
 */
public final class LeaseRules {

  /** The default lease TTL ({@code --lease-ttl}): 30 minutes. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(1800);

  /** The default interval of the background cycle ({@code --cycle}): 5 seconds. */
  public static final Duration DEFAULT_CYCLE = Duration.ofSeconds(5);

  /** A report leaves alone leases renewed within {@code ttl / RENEWAL_RESOLUTION}. */
  static final int RENEWAL_RESOLUTION = 100;

  private LeaseRules() {}

  /** The expiry of a lease renewed at {@code renewedAt}. */
  public static Instant expiresAt(Instant renewedAt, Duration ttl) {
    return renewedAt.plus(ttl);
  }

  /**
   * The expiry below which a report made at {@code renewedAt} renews a lease; a lease expiring at
   * or after it was renewed less than a hundredth of {@code ttl} ago and is kept as it is.
   */
  public static Instant renewsBelow(Instant renewedAt, Duration ttl) {
    return expiresAt(renewedAt, ttl).minus(ttl.dividedBy(RENEWAL_RESOLUTION));
  }

  /**
   * Whether a renewal of all a worker's leases at {@code lastRenewal} leaves nothing for a report
   * at {@code now} to renew: every lease it renewed expires at or after {@link #renewsBelow}, and
   * so does every lease granted or renewed since, since an expiry only ever moves later.
   */
  public static boolean renewedRecently(Instant lastRenewal, Instant now, Duration ttl) {
    return !expiresAt(lastRenewal, ttl).isBefore(renewsBelow(now, ttl));
  }

  /**
   * True when a lease expiring at {@code expiresAt} has lapsed at {@code now}. The expiry is
   * exclusive: at exactly {@code expiresAt} the lease is gone.
   */
  public static boolean isExpired(Instant expiresAt, Instant now) {
    return !now.isBefore(expiresAt);
  }
}
