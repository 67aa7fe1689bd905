package dev.owp.poold.migrate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poold migrate --from pool.db --to jdbc:postgresql://…}: copies a pool from SQLite into an
 * empty PostgreSQL database. Both are first brought to the current schema. The copy is one
 * transaction: it lands whole or not at all. A target that already holds a pool is refused.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Copies a pool from an SQLite file into an empty PostgreSQL database: repositories,",
      "workers (their tokens stay valid), tasks with their leases, area locks, events and",
      "what the GitHub integration follows and has still to write.",
      "Stop poold on the SQLite file first. PostgreSQL credentials come from the URL or",
      "OWP_DB_USER / OWP_DB_PASSWORD."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The SQLite pool.")
  @Nullable Path from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "JDBC_URL",
      description = "The PostgreSQL database, e.g. jdbc:postgresql://db:5432/pool.")
  @Nullable String to;

  @Spec @Nullable CommandSpec spec;

  private final Function<String, @Nullable String> environment;

  /** A command reading credentials through {@code environment} (variable name → value). */
  public MigrateCommand(Function<String, @Nullable String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws SQLException {
    CommandLine cli = Objects.requireNonNull(spec).commandLine();
    Path source = Objects.requireNonNull(from).toAbsolutePath().normalize();
    String target = Objects.requireNonNull(to).strip();
    if (!Files.isRegularFile(source)) {
      throw new ParameterException(cli, "--from " + source + ": no such SQLite file");
    }
    if (!target.startsWith("jdbc:postgresql:")) {
      throw new ParameterException(cli, "--to must be a jdbc:postgresql:// URL");
    }
    quietLibraries();
    String sourceUrl = "jdbc:sqlite:" + source + "?foreign_keys=true&busy_timeout=5000";
    String user = environment.apply("OWP_DB_USER");
    String password = environment.apply("OWP_DB_PASSWORD");
    migrateSchema(sourceUrl, null, null, "sqlite");
    migrateSchema(target, user, password, "postgresql");
    try (Connection sqlite = DriverManager.getConnection(sourceUrl);
        Connection postgres = DriverManager.getConnection(target, user, password)) {
      Map<String, Long> existing = PoolCopy.count(postgres);
      if (existing.values().stream().anyMatch(n -> n > 0)) {
        cli.getErr()
            .println(
                "poold migrate: "
                    + redacted(target)
                    + " already holds a pool ("
                    + describe(existing)
                    + "); migrate into an empty database");
        return 1;
      }
      Map<String, Long> copied = PoolCopy.copy(sqlite, postgres);
      cli.getOut()
          .println("Copied " + describe(copied) + " from " + source + " to " + redacted(target));
      return 0;
    }
  }

  private static void migrateSchema(
      String url, @Nullable String user, @Nullable String password, String dialect) {
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration/" + dialect)
        .load()
        .migrate();
  }

  private static String describe(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(entry -> entry.getValue() + " " + PoolCopy.label(entry.getKey(), entry.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String redacted(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** Without Spring, logback would print every library's debug output. */
  private static void quietLibraries() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.WARN);
    }
  }
}
