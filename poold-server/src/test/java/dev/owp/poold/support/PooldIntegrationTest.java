package dev.owp.poold.support;

import dev.owp.poold.lease.BackgroundCycle;
import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.testing.MutableClock;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the server's integration tests: one poold on a random port, shared by every test class
 * (one Spring context, cached), a clock the tests move by hand, and a database emptied before each
 * test. The background cycle never runs on its own here: tests call {@link #runCycle()}.
 *
 * <p>The database is a temporary SQLite file, or a fresh schema on PostgreSQL when the build runs
 * the suite again with {@code -Dowp.test.database=postgresql} (see {@link TestDatabase}): the same
 * tests prove the same behaviour on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PoolTestConfiguration.class)
@ExtendWith(TestDatabase.Condition.class)
@Tag("database")
public abstract class PooldIntegrationTest {

  /** The admin token of the test server. */
  protected static final String ADMIN_TOKEN = "test-admin-token-0123456789";

  /** Rows of each table in a stable order, on every dialect. */
  private static final Map<String, String> TABLE_ORDER =
      Map.of("repo", "repo", "worker", "seq", "task", "seq", "area_lock", "task_id", "event", "id");

  // One HTTP client for every typed client: each HttpClient owns a selector thread.
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @LocalServerPort protected int port;
  @Autowired protected MutableClock clock;
  @Autowired protected JdbcClient jdbc;
  @Autowired private BackgroundCycle cycle;

  @DynamicPropertySource
  static void poolProperties(DynamicPropertyRegistry registry) {
    if (TestDatabase.current() == TestDatabase.POSTGRESQL) {
      PostgresDatabase.Settings postgres = PostgresDatabase.freshSchema();
      registry.add("owp.db", postgres::url);
      registry.add("owp.db-user", postgres::user);
      registry.add("owp.db-password", postgres::password);
    } else {
      String file = temporaryFolder().resolve("pool.db").toString();
      registry.add("owp.db", () -> file);
    }
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
    return OwpClient.builder(server()).httpClient(HTTP).build();
  }

  /** A client acting as the worker with {@code token}. */
  protected OwpClient worker(String token) {
    return OwpClient.builder(server()).httpClient(HTTP).workerToken(token).build();
  }

  /** A client with the admin token. */
  protected OwpAdminClient admin() {
    return OwpClient.builder(server()).httpClient(HTTP).adminToken(ADMIN_TOKEN).build().admin();
  }

  /** Raw HTTP, for requests the typed client would not send. */
  protected RawHttp raw() {
    return new RawHttp(server());
  }

  /** Runs the background cycle once: lease expiry, presence, assignment. */
  protected BackgroundCycle.Report runCycle() {
    return cycle.runOnce();
  }

  /** Raw HTTP as the worker with {@code token}. */
  protected RawHttp rawAs(String token) {
    return raw().header("Authorization", "Bearer " + token);
  }

  /** Raw HTTP with the admin token. */
  protected RawHttp rawAdmin() {
    return raw().header("X-Admin-Token", ADMIN_TOKEN);
  }

  /** Registers (or reconfigures) a repository. */
  protected void repo(String repo, int maxOpenPrs, boolean areaLocks) {
    admin().upsertRepo(RepoConfig.of(repo, maxOpenPrs, areaLocks));
  }

  /** Creates a task; returns its id. */
  protected TaskId task(TaskSpecBuilder spec) {
    return admin().createTask(spec.build()).taskId();
  }

  /** Registers a worker with these limits and skills. */
  protected RegisteredWorker register(String name, int points, int slots, String... skills) {
    return anonymous().register(WorkerRegistration.of(name, null, List.of(skills), points, slots));
  }

  /** A client acting as {@code worker}. */
  protected OwpClient as(RegisteredWorker worker) {
    return worker(worker.token());
  }

  /** A heartbeat saying "working"; renews the worker's leases and may grant new ones. */
  protected HeartbeatAck beat(RegisteredWorker worker) {
    return as(worker).heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
  }

  /** Reports a bare status for a task the worker holds. */
  protected StatusAck report(RegisteredWorker worker, TaskId task, TaskStatus status) {
    return as(worker).updateStatus(task, StatusUpdate.to(status));
  }

  /** The tasks the worker holds, as GET /v1/work lists them. */
  protected List<TaskId> held(RegisteredWorker worker) {
    return as(worker).work().leases().stream().map(LeaseView::taskId).toList();
  }

  /** The task as admins see it. */
  protected TaskView view(TaskId task) {
    return admin().task(task);
  }

  /** The task's status, read from the database. */
  protected TaskStatus statusOf(TaskId task) {
    return TaskStatus.fromWire(
        jdbc.sql("SELECT status FROM task WHERE task_id = :id")
            .param("id", task.value())
            .query(String.class)
            .single());
  }

  /** The events of {@code type}, oldest first, read from the database. */
  protected List<Map<String, Object>> eventsOfType(EventType type) {
    return jdbc.sql(
            "SELECT id, type, worker_id, repo, task_id, details FROM event"
                + " WHERE type = :type ORDER BY id")
        .param("type", type.wireName())
        .query()
        .listOfRows();
  }

  /** Every row of every table, in a stable order: to prove that a request changed nothing. */
  protected String databaseContents() {
    StringBuilder dump = new StringBuilder();
    for (String table : new String[] {"repo", "worker", "task", "area_lock", "event"}) {
      dump.append(table).append(": ");
      dump.append(
          jdbc.sql("SELECT * FROM " + table + " ORDER BY " + TABLE_ORDER.get(table))
              .query()
              .listOfRows());
      dump.append('\n');
    }
    return dump.toString();
  }

  /** A folder for this test JVM's SQLite file, deleted when the JVM exits. */
  private static Path temporaryFolder() {
    try {
      Path folder = Files.createTempDirectory("poold-it");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(folder)));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit: a leftover temporary folder is harmless.
    }
  }
}
