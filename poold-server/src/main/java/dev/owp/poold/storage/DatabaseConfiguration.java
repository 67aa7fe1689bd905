package dev.owp.poold.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.owp.poold.config.PooldProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connection pools.
 *
 * <p>SQLite allows one writer at a time, and concurrent writers with deferred transactions fail
 * with SQLITE_BUSY instead of waiting. So every write goes through a pool of exactly one connection
 * whose transactions start IMMEDIATE (taking the write lock up front), while a separate pool of
 * readers serves queries; WAL lets them read while the writer writes. Pragmas are per connection,
 * so they live in the URL.
 *
 * <p>Each SQLite connection keeps its prepared statements ({@link StatementCache}): the driver
 * would otherwise compile every statement anew.
 *
 * <p>PostgreSQL gets one ordinary pool that serves both roles (its driver caches statements on the
 * server by itself).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  // The driver would run and compile "SELECT last_insert_rowid()" after every INSERT, for
  // generated keys that poold never asks for.
  private static final String SQLITE_PRAGMAS =
      "journal_mode=WAL&busy_timeout=5000&foreign_keys=true&synchronous=NORMAL"
          + "&jdbc.get_generated_keys=false";

  // The writer's transactions start IMMEDIATE (see above). Each transaction of a group runs under a
  // savepoint (GroupCommit), so SQLite keeps the first version of every page a group changes in a
  // statement journal, which it writes to a temporary file once it outgrows 64 KiB: a system call
  // per page, and more of them than the commit's own writes to the log. In memory, the journal
  // costs a copy of the page and is gone at the commit.
  private static final String SQLITE_WRITER = "&transaction_mode=IMMEDIATE&temp_store=MEMORY";

  @Bean
  DatabaseLocation databaseLocation(PooldProperties properties) {
    return DatabaseLocation.parse(properties.db());
  }

  @Bean
  SqlDialect sqlDialect(DatabaseLocation location) {
    return location instanceof DatabaseLocation.Sqlite ? SqlDialect.SQLITE : SqlDialect.POSTGRES;
  }

  @Bean
  @Primary
  DataSource dataSource(DatabaseLocation location, PooldProperties properties, Environment env) {
    if (location instanceof DatabaseLocation.Sqlite sqlite) {
      createParentFolder(sqlite.file());
      return sqlite(sqlite, "sqlite-writer", 1, SQLITE_WRITER);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("postgres");
    config.setJdbcUrl(((DatabaseLocation.Postgres) location).url());
    config.setUsername(env.getProperty("owp.db-user"));
    config.setPassword(env.getProperty("owp.db-password"));
    config.setMaximumPoolSize(properties.postgresPoolSize());
    return new HikariDataSource(config);
  }

  /**
   * The write transactions: on SQLite committed in groups by its one writer ({@link GroupCommit}),
   * on PostgreSQL each on its own.
   */
  @Bean
  TransactionTemplate transactionTemplate(
      PlatformTransactionManager transactionManager, SqlDialect dialect, MeterRegistry registry) {
    return dialect.hasConcurrentWriters()
        ? new TransactionTemplate(transactionManager)
        : new GroupCommit(transactionManager, registry);
  }

  @Bean(defaultCandidate = false)
  @Reader
  DataSource readerDataSource(
      DatabaseLocation location, PooldProperties properties, DataSource dataSource) {
    if (location instanceof DatabaseLocation.Sqlite sqlite) {
      return sqlite(sqlite, "sqlite-reader", properties.sqliteReaders(), "");
    }
    return dataSource;
  }

  @Bean(defaultCandidate = false)
  @Reader
  JdbcClient readerJdbcClient(@Reader DataSource readerDataSource) {
    return JdbcClient.create(readerDataSource);
  }

  private static HikariDataSource sqlite(
      DatabaseLocation.Sqlite location, String poolName, int size, String extraParameters) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setDataSource(
        new SqliteConnections(
            "jdbc:sqlite:" + location.file() + "?" + SQLITE_PRAGMAS + extraParameters));
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  private static void createParentFolder(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the folder of " + file + ": " + e.getMessage(), e);
    }
  }
}
