package dev.owp.poold.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the storage tests run on: the server named by {@code OWP_TEST_POSTGRES_URL} (with
 * {@code OWP_TEST_POSTGRES_USER} / {@code OWP_TEST_POSTGRES_PASSWORD}), else a Testcontainers
 * container where Docker runs. Each user gets a schema of its own, so test runs never see each
 * other's rows. CI sets {@code OWP_TEST_POSTGRES_REQUIRED=true}: there a missing PostgreSQL fails
 * the tests instead of skipping them.
 */
public final class PostgresDatabase {

  /** How to connect. */
  public record Settings(String url, String user, String password) {
    /** The same database with {@code schema} as the current schema. */
    public Settings inSchema(String schema) {
      return new Settings(
          url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
  }

  private static volatile PostgreSQLContainer container;

  private PostgresDatabase() {}

  /** True when the build must not skip PostgreSQL tests. */
  public static boolean required() {
    return Boolean.parseBoolean(
        System.getenv().getOrDefault("OWP_TEST_POSTGRES_REQUIRED", "false"));
  }

  /** The configured or containerised PostgreSQL, if there is one. */
  public static Optional<Settings> find() {
    String url = System.getenv("OWP_TEST_POSTGRES_URL");
    if (url != null && !url.isBlank()) {
      return Optional.of(
          new Settings(
              url,
              System.getenv().getOrDefault("OWP_TEST_POSTGRES_USER", "pool"),
              System.getenv().getOrDefault("OWP_TEST_POSTGRES_PASSWORD", "pool")));
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.empty();
    }
    return Optional.of(startedContainer());
  }

  /** A new, empty schema on the PostgreSQL, and settings that use it. */
  public static Settings freshSchema() {
    Settings server =
        find()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No PostgreSQL for the tests: set OWP_TEST_POSTGRES_URL or run Docker"));
    String schema =
        "t_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    try (Connection connection =
            DriverManager.getConnection(server.url(), server.user(), server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create a test schema on " + server.url() + ": " + e.getMessage(), e);
    }
    return server.inSchema(schema);
  }

  private static synchronized Settings startedContainer() {
    if (container == null) {
      PostgreSQLContainer started = new PostgreSQLContainer("postgres:15-alpine");
      started.start();
      container = started;
    }
    return new Settings(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }
}
