package dev.owp.poold.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * poold's settings ({@code owp.*}). Secrets (the admin token, database password) are deliberately
 * not components: a record's {@code toString()} would print them.
 *
 * @param db the SQLite file or {@code jdbc:postgresql://} URL ({@code --db}, {@code OWP_DB})
 * @param leaseTtl how long a lease lasts without renewal ({@code --lease-ttl}, seconds)
 * @param heartbeatTtl how long a worker counts as online after a heartbeat ({@code
 *     --heartbeat-ttl})
 * @param cycle interval of the background cycle: lease expiry, presence, assignment ({@code
 *     --cycle})
 * @param eventRetention how long audit events are kept
 * @param sqliteReaders read-only connections beside SQLite's single writer
 * @param postgresPoolSize connections to PostgreSQL per poold
 */
@ConfigurationProperties("owp")
public record PooldProperties(
    String db,
    @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("1800") Duration leaseTtl,
    @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("90") Duration heartbeatTtl,
    @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("5") Duration cycle,
    @DurationUnit(ChronoUnit.DAYS) @DefaultValue("90") Duration eventRetention,
    @DefaultValue("4") int sqliteReaders,
    @DefaultValue("10") int postgresPoolSize) {

  /** Rejects settings poold cannot run with. */
  public PooldProperties {
    if (db == null || db.isBlank()) {
      throw new IllegalArgumentException("owp.db is required: pass --db pool.db");
    }
    requirePositive("lease-ttl", leaseTtl);
    requirePositive("heartbeat-ttl", heartbeatTtl);
    requirePositive("cycle", cycle);
    requirePositive("event-retention", eventRetention);
    if (sqliteReaders < 1 || postgresPoolSize < 2) {
      // PostgreSQL needs two connections: Flyway holds one while it migrates on another.
      throw new IllegalArgumentException("sqlite-readers must be >= 1 and postgres-pool-size >= 2");
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          name + " must be positive, got " + value.toSeconds() + " s");
    }
  }
}
