package dev.owp.poold.auth;

import dev.owp.poold.storage.AfterCommit;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.protocol.worker.WorkerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The workers that tokens were found to belong to a moment ago, so that a busy worker's requests do
 * not each read its row: under load that read was a tenth of the request threads' time, most of it
 * SQLite reading the page again because the writer had committed since.
 *
 * <p>Only where this poold is the database's one writer (SQLite), because then every removal passes
 * through it and {@link #forget}s its worker: a removed worker's token stops working at once. With
 * several replicas (PostgreSQL) a removal on one would go unseen by the others, so there the cache
 * stays empty and every request reads the row.
 *
 * <p>An entry is trusted for {@link #TRUSTED_FOR}. What it carries besides the worker, when its
 * leases were last renewed, is kept up to date by {@link #renewed}; a renewal that commits while a
 * lookup is under way may leave it older than the row, and a report then renews leases that were
 * renewed a moment ago: it never skips a renewal that was due. Unknown tokens are never kept, so
 * guessing cannot fill the cache; it holds at most one entry per live worker, and its bound only
 * guards against a pool of more workers than that.
 */
@Component
public class WorkerTokenCache {

  /** How long a token found valid is trusted without reading its row again. */
  static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

  static final int MAX_ENTRIES = 65_536;

  private final Map<String, Known> byHash = new ConcurrentHashMap<>();
  private final Map<WorkerId, Known> byWorker = new ConcurrentHashMap<>();
  // Counts removals, so that a lookup that read a row before a removal committed does not keep
  // the token after the removal has cleared it.
  private final AtomicLong removals = new AtomicLong();
  private final boolean enabled;
  private final LongSupplier nanoTime;

  @Autowired
  WorkerTokenCache(SqlDialect dialect) {
    this(!dialect.hasConcurrentWriters(), System::nanoTime);
  }

  WorkerTokenCache(boolean enabled, LongSupplier nanoTime) {
    this.enabled = enabled;
    this.nanoTime = nanoTime;
  }

  /** The worker a token with this hash belonged to within {@link #TRUSTED_FOR}, if known. */
  Optional<AuthenticatedWorker> find(String tokenHash) {
    @Nullable Known known = byHash.get(tokenHash);
    if (known == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - known.foundAt > TRUSTED_FOR.toNanos()) {
      drop(known);
      return Optional.empty();
    }
    return Optional.of(new AuthenticatedWorker(known.worker, known.leasesRenewedAt));
  }

  /** Where a lookup starts: pass it to {@link #remember} with what the lookup found. */
  long lookupStarts() {
    return removals.get();
  }

  /**
   * Keeps what a lookup that started at {@code start} found, unless a worker was removed since: the
   * lookup may have read that worker's row before the removal committed.
   */
  void remember(String tokenHash, AuthenticatedWorker worker, long start) {
    if (!enabled || removals.get() != start) {
      return;
    }
    if (byHash.size() >= MAX_ENTRIES) {
      byHash.clear();
      byWorker.clear();
    }
    Known known = new Known(tokenHash, worker, nanoTime.getAsLong());
    byHash.put(tokenHash, known);
    @Nullable Known replaced = byWorker.put(worker.id(), known);
    if (replaced != null && !replaced.tokenHash.equals(tokenHash)) {
      byHash.remove(replaced.tokenHash, replaced);
    }
    // A removal that counted itself after the check above may have looked for this worker before
    // its entry went in: the entry must not stay.
    if (removals.get() != start) {
      drop(known);
    }
  }

  /**
   * Notes that all of {@code worker}'s leases were renewed at {@code at}, once the current
   * transaction commits (at once outside one).
   */
  public void renewed(WorkerId worker, Instant at) {
    if (enabled) {
      AfterCommit.run(
          () -> {
            @Nullable Known known = byWorker.get(worker);
            if (known != null) {
              known.renewedAt(at);
            }
          });
    }
  }

  /**
   * Forgets {@code worker}'s token once the current transaction, which removes the worker, commits
   * (at once outside one).
   */
  public void forget(WorkerId worker) {
    if (enabled) {
      AfterCommit.run(
          () -> {
            removals.incrementAndGet();
            @Nullable Known known = byWorker.get(worker);
            if (known != null) {
              drop(known);
            }
          });
    }
  }

  private void drop(Known known) {
    byHash.remove(known.tokenHash, known);
    byWorker.remove(known.worker, known);
  }

  private static final class Known {
    final String tokenHash;
    final WorkerId worker;
    final long foundAt;
    private volatile @Nullable Instant leasesRenewedAt;

    Known(String tokenHash, AuthenticatedWorker found, long foundAt) {
      this.tokenHash = tokenHash;
      this.worker = found.id();
      this.leasesRenewedAt = found.leasesRenewedAt();
      this.foundAt = foundAt;
    }

    synchronized void renewedAt(Instant at) {
      @Nullable Instant before = leasesRenewedAt;
      if (before == null || before.isBefore(at)) {
        leasesRenewedAt = at;
      }
    }
  }
}
