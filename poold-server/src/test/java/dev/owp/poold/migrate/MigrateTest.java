package dev.owp.poold.migrate;

import static dev.owp.poold.support.StandalonePoold.client;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.config.PooldCommand;
import dev.owp.poold.support.PostgresDatabase;
import dev.owp.poold.support.StandalonePoold;
import dev.owp.poold.support.TestDatabase;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code poold migrate}, end to end: a pool filled over HTTP on SQLite is copied into a fresh
 * PostgreSQL schema, and poold started on it carries on where the SQLite pool stopped. Runs in the
 * PostgreSQL pass only.
 */
@Tag("database")
@ExtendWith(TestDatabase.OnlyPostgresql.class)
class MigrateTest {

  private static final String ADMIN_TOKEN = "migrate-admin-token-0123456789";

  /** Every table of the schema, and the columns that order its rows. */
  private static final Map<String, String> TABLES = tables();

  @TempDir Path folder;

  @Test
  void aMigratedPoolKeepsTokensLeasesHistoryAndGithubStateAndCarriesOn() throws Exception {
    Path sqlite = folder.resolve("pool.db");
    Pool before;
    try (ConfigurableApplicationContext poold = start("owp.db=" + sqlite)) {
      before = fill(poold);
    }
    followOnGithub(sqlite, before);
    PostgresDatabase.Settings postgres = PostgresDatabase.freshSchema();

    Run migrate = migrate(sqlite, postgres);

    assertThat(migrate.exitCode()).as("exit code; stderr: %s", migrate.err()).isZero();
    assertThat(migrate.out())
        .startsWith("Copied 2 repositories, 3 workers, 2 skill sets, 6 tasks, 1 area lock, ")
        .contains("1 followed pull request, 1 GitHub comment, 1 GitHub cursor");
    Map<String, List<String>> copied = rows(postgres);
    assertThat(copied).isEqualTo(rows(sqlite));

    try (ConfigurableApplicationContext poold =
        start(
            "owp.db=" + postgres.url(),
            "owp.db-user=" + postgres.user(),
            "owp.db-password=" + postgres.password())) {
      OwpClient alice = client(poold, before.alice().token(), null);
      OwpClient admin = client(poold, null, ADMIN_TOKEN);

      assertThat(alice.me().workerId()).isEqualTo(before.alice().workerId());
      assertThat(alice.work()).isEqualTo(before.work());
      assertThat(before.tasks())
          .allSatisfy(task -> assertThat(admin.admin().task(task.taskId())).isEqualTo(task));
      assertThat(admin.admin().repos().repos()).isEqualTo(before.repos());
      assertThat(allEvents(admin)).isEqualTo(before.events());

      // The held lease is still alice's to report on; new rows get ids after the copied ones.
      assertThat(
              alice.updateStatus(before.leased(), StatusUpdate.to(TaskStatus.IN_PROGRESS)).status())
          .isEqualTo(TaskStatus.IN_PROGRESS);
      OwpClient anonymous = client(poold, null, null);
      RegisteredWorker dora =
          anonymous.register(WorkerRegistration.of("dora", null, List.of("java"), 5, 2));
      TaskId added =
          admin.admin().createTask(aTask("demo").titled("After the move").build()).taskId();
      assertThat(client(poold, dora.token(), null).me().name()).isEqualTo("dora");
      assertThat(admin.admin().task(added).title()).isEqualTo("After the move");
      long lastCopiedEvent = before.events().get(0).id();
      assertThat(allEvents(admin).subList(0, 3))
          .extracting(EventView::id)
          .allSatisfy(id -> assertThat(id).isGreaterThan(lastCopiedEvent));
      assertThat(seq(postgres, "worker", dora.workerId().value()))
          .isGreaterThan(maxSeq(sqlite, "worker"));
      assertThat(seq(postgres, "task", added.value())).isGreaterThan(maxSeq(sqlite, "task"));
    }

    Map<String, List<String>> afterRun = rows(postgres);
    Run again = migrate(sqlite, postgres);

    assertThat(again.exitCode()).isOne();
    assertThat(again.out()).isEmpty();
    assertThat(again.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith(
            "poold migrate: "
                + postgres.url().substring(0, postgres.url().indexOf('?'))
                + " already holds a pool (2 repositories, 4 workers, 2 skill sets, 7 tasks, 1 area lock, ")
        .endsWith("); migrate into an empty database");
    assertThat(rows(postgres)).isEqualTo(afterRun);
  }

  /** What the SQLite pool looked like when it stopped. */
  private record Pool(
      RegisteredWorker alice,
      TaskId leased,
      TaskId opened,
      WorkList work,
      List<TaskView> tasks,
      List<RepoView> repos,
      List<EventView> events) {}

  /**
   * Two repositories; alice holds a leased task (with an area lock), one in progress and one with
   * its pull request open, and merged another; one task waits for a trusted worker, one was
   * cancelled; bob and carol hold nothing.
   */
  private static Pool fill(ConfigurableApplicationContext poold) {
    OwpClient admin = client(poold, null, ADMIN_TOKEN);
    OwpClient anonymous = client(poold, null, null);
    admin.admin().upsertRepo(RepoConfig.of("demo", 4, true));
    admin.admin().upsertRepo(RepoConfig.of("owner/docs", 1, false));
    TaskId leased = task(admin, aTask("demo").priority(90).inArea("auth"));
    TaskId working = task(admin, aTask("demo").priority(80));
    TaskId opened = task(admin, aTask("demo").priority(70));
    TaskId merged = task(admin, aTask("demo").priority(60));
    TaskId waiting = task(admin, aTask("demo").tier(3));
    TaskId cancelled = task(admin, aTask("owner/docs").needing("docs"));
    admin.admin().cancel(cancelled, Reason.of("not needed"));

    RegisteredWorker alice =
        anonymous.register(WorkerRegistration.of("alice", "alice-gh", List.of("java"), 5, 3));
    anonymous.register(WorkerRegistration.of("bob", null, List.of("docs"), 3, 1));
    anonymous.register(WorkerRegistration.of("carol", null, List.of(), 2, 1));
    OwpClient worker = client(poold, alice.token(), null);
    worker.heartbeat(Heartbeat.of(WorkerStatus.WORKING, "on it"));
    worker.updateStatus(working, StatusUpdate.to(TaskStatus.IN_PROGRESS));
    worker.updateStatus(
        opened,
        new StatusUpdate(
            TaskStatus.PR_OPENED,
            "ready for review",
            Artifact.ofPullRequest("https://github.com/owner/name/pull/7"),
            null));
    // Opening the pull request freed a slot: alice was leased the next task at once.
    worker.updateStatus(merged, StatusUpdate.to(TaskStatus.PR_OPENED));
    worker.updateStatus(merged, StatusUpdate.to(TaskStatus.MERGED));

    List<TaskView> tasks = new ArrayList<>();
    for (TaskId id : List.of(leased, working, opened, merged, waiting, cancelled)) {
      tasks.add(admin.admin().task(id));
    }
    assertThat(tasks)
        .extracting(TaskView::status)
        .containsExactly(
            TaskStatus.LEASED,
            TaskStatus.IN_PROGRESS,
            TaskStatus.PR_OPENED,
            TaskStatus.MERGED,
            TaskStatus.READY,
            TaskStatus.CANCELLED);
    return new Pool(
        alice,
        leased,
        opened,
        worker.work(),
        tasks,
        admin.admin().repos().repos(),
        allEvents(admin));
  }

  /** The GitHub integration's rows, as a pool that follows pull requests and writes back has. */
  private static void followOnGithub(Path sqlite, Pool pool) throws SQLException {
    long lastEvent = pool.events().get(0).id();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement statement = db.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO github_pr_watch (task_id, pr_url, etag, next_poll_at) VALUES ('"
              + pool.opened()
              + "', 'owner/name#7', 'W/\"abc\"', 1800000000000)");
      statement.executeUpdate(
          "INSERT INTO github_comment (task_id, event_id, repo, issue_number, body, state,"
              + " attempts, next_try_at) VALUES ('"
              + pool.leased()
              + "', "
              + lastEvent
              + ", 'owner/name', 3, 'Picked up by alice', 'pending', 2, 1800000000000)");
      statement.executeUpdate(
          "INSERT INTO github_cursor (name, last_event_id) VALUES ('write-back', "
              + lastEvent
              + ")");
    }
  }

  private static TaskId task(OwpClient admin, dev.owp.poold.support.TaskSpecBuilder spec) {
    return admin.admin().createTask(spec.build()).taskId();
  }

  private static List<EventView> allEvents(OwpClient admin) {
    return admin.admin().events(new EventQuery(null, null, null, null, 500, null)).events();
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return StandalonePoold.start(ADMIN_TOKEN, properties);
  }

  /** What {@code poold migrate} printed, and its exit code. */
  private record Run(int exitCode, String out, String err) {}

  /** Runs {@code poold migrate} as an operator would; the credentials travel in the URL. */
  private static Run migrate(Path sqlite, PostgresDatabase.Settings postgres) {
    String target =
        postgres.url() + "&user=" + postgres.user() + "&password=" + postgres.password();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream realOut = System.out;
    PrintStream realErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exitCode =
          PooldCommand.execute(
              new String[] {"migrate", "--from", sqlite.toString(), "--to", target});
      return new Run(
          exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
    }
  }

  private static Map<String, List<String>> rows(Path sqlite) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + sqlite)) {
      return rows(db);
    }
  }

  private static Map<String, List<String>> rows(PostgresDatabase.Settings postgres)
      throws SQLException {
    try (Connection db =
        DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password())) {
      return rows(db);
    }
  }

  /** Every row of every table as text, so that SQLite's and PostgreSQL's numbers compare equal. */
  private static Map<String, List<String>> rows(Connection db) throws SQLException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    try (Statement statement = db.createStatement()) {
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        List<String> texts = new ArrayList<>();
        try (ResultSet rs =
            statement.executeQuery(
                "SELECT * FROM " + table.getKey() + " ORDER BY " + table.getValue())) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(rs.getMetaData().getColumnName(i)).append('=');
              row.append(rs.getString(i)).append("; ");
            }
            texts.add(row.toString());
          }
        }
        rows.put(table.getKey(), texts);
      }
    }
    return rows;
  }

  private static long seq(PostgresDatabase.Settings postgres, String table, String id)
      throws SQLException {
    try (Connection db =
            DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
        Statement statement = db.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT seq FROM " + table + " WHERE " + table + "_id = '" + id + "'")) {
      assertThat(rs.next()).as("%s %s in PostgreSQL", table, id).isTrue();
      return rs.getLong(1);
    }
  }

  private static long maxSeq(Path sqlite, String table) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT MAX(seq) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, String> tables() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("repo", "repo");
    tables.put("worker", "seq");
    tables.put("skill_set", "id");
    tables.put("task", "seq");
    tables.put("area_lock", "task_id");
    tables.put("event", "id");
    tables.put("github_pr_watch", "task_id");
    tables.put("github_comment", "task_id, event_id");
    tables.put("github_cursor", "name");
    return tables;
  }
}
