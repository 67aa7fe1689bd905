package dev.owp.poold.support;

import dev.owp.poold.lease.BackgroundCycle;
import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the server's integration tests: one poold on a random port with a temporary SQLite file,
 * shared by every test class (one Spring context, cached), a clock the tests move by hand, and a
 * database emptied before each test. The background cycle never runs on its own here: tests call
 * {@link #runCycle()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PoolTestConfiguration.class)
public abstract class PooldIntegrationTest {

  /** The admin token of the test server. */
  protected static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  private static final Path DATABASE = temporaryDatabase();

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  @Autowired protected JdbcClient jdbc;
  @Autowired private BackgroundCycle cycle;

  @DynamicPropertySource
  static void poolProperties(DynamicPropertyRegistry registry) {
    registry.add("owp.db", DATABASE::toString);
    registry.add("owp.admin-token", () -> ADMIN_TOKEN);
    registry.add("owp.cycle", () -> "3600");
    registry.add("owp.lease-ttl", () -> "1800");
    registry.add("owp.heartbeat-ttl", () -> "90");
  }

  @BeforeEach
  void emptyPool() {
    for (String table : new String[] {"area_lock", "event", "task", "worker", "repo"}) {
      jdbc.sql("DELETE FROM " + table).update();
    }
    clock.set(Instant.parse("2026-01-17T12:00:00Z"));
  }

  /** The server's base URL. */
  protected URI server() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A client with no token. */
  protected OwpClient anonymous() {
    return OwpClient.builder(server()).build();
  }

  /** A client acting as the worker with {@code token}. */
  protected OwpClient worker(String token) {
    return OwpClient.builder(server()).workerToken(token).build();
  }

  /** A client with the admin token. */
  protected OwpAdminClient admin() {
    return OwpClient.builder(server()).adminToken(ADMIN_TOKEN).build().admin();
  }

  /** Raw HTTP, for requests the typed client would not send. */
  protected RawHttp raw() {
    return new RawHttp(server());
  }

  /** Runs the background cycle once: lease expiry, presence, assignment. */
  protected BackgroundCycle.Report runCycle() {
    return cycle.runOnce();
  }

  private static Path temporaryDatabase() {
    try {
      return Files.createTempDirectory("poold-it").resolve("pool.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
