package dev.owp.poold.auth;

import dev.owp.poold.storage.SqlDialect;
import dev.owp.protocol.worker.WorkerId;
import java.time.Duration;
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
 * leases were last renewed, can only be older than the row: a report then renews leases that were
 * renewed a moment ago, and never skips a renewal that was due. Unknown tokens are never kept, so
 * guessing cannot fill the cache; it holds at most one entry per live worker, and its bound only
 * guards against a pool of more workers than that.
 */
@Component
public class WorkerTokenCache {

  /** How long a token found valid is trusted without reading its row again. */
  static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

  static final int MAX_ENTRIES = 65_536;

  private final Map<String, Known> byHash = new ConcurrentHashMap<>();
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
    if (nanoTime.getAsLong() - known.foundAt() > TRUSTED_FOR.toNanos()) {
      byHash.remove(tokenHash, known);
      return Optional.empty();
    }
    return Optional.of(known.worker());
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
    }
    Known known = new Known(worker, nanoTime.getAsLong());
    byHash.put(tokenHash, known);
    // A removal that counted itself after the check above may have cleared the cache before this
    // entry went in: it is the one that must not stay.
    if (removals.get() != start) {
      byHash.remove(tokenHash, known);
    }
  }

  /**
   * Forgets {@code worker}'s token. Call once its removal has committed. Removals are rare admin
   * actions, so this walks the whole cache rather than keep a second index for them.
   */
  public void forget(WorkerId worker) {
    removals.incrementAndGet();
    byHash.values().removeIf(known -> known.worker().id().equals(worker));
  }

  private record Known(AuthenticatedWorker worker, long foundAt) {}
}
