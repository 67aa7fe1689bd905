package dev.owp.poold.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class GroupCommitTest {

  @TempDir Path folder;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private String url;
  private JdbcClient jdbc;
  private GroupCommit writes;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:sqlite:" + folder.resolve("group.db") + "?journal_mode=WAL&foreign_keys=true";
    try (Connection ddl = DriverManager.getConnection(url);
        Statement statement = ddl.createStatement()) {
      statement.executeUpdate("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
      statement.executeUpdate(
          "CREATE TABLE row (name TEXT PRIMARY KEY, parent INTEGER"
              + " REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
    }
    SqliteConnections connections = new SqliteConnections(url);
    jdbc = JdbcClient.create(connections);
    writes = new GroupCommit(new DataSourceTransactionManager(connections), registry);
  }

  @AfterEach
  void close() throws InterruptedException {
    writes.destroy();
    callers.shutdownNow();
  }

  @Test
  void transactionsWaitingTogetherCommitTogether() throws Exception {
    Hold first = holdTheWriter("first");
    List<CompletableFuture<String>> rest = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "row-" + i;
      rest.add(call(() -> insert(name)));
    }
    awaitWaiting(20);
    first.release();

    first.done().get(10, TimeUnit.SECONDS);
    for (CompletableFuture<String> each : rest) {
      String name = each.get(10, TimeUnit.SECONDS);
      assertThat(committedNames()).contains(name); // answered only once committed
    }
    DistributionSummary groups = registry.get("owp.sqlite.commit.group").summary();
    assertThat(groups.count()).isEqualTo(2);
    assertThat(groups.max()).isEqualTo(20);
  }

  @Test
  void eachTransactionOfAGroupSeesTheOnesBeforeIt() throws Exception {
    Hold first = holdTheWriter("a");
    CompletableFuture<Long> second = call(() -> insertAndCount("b"));
    awaitWaiting(1);
    CompletableFuture<Long> third = call(() -> insertAndCount("c"));
    awaitWaiting(2);
    first.release();

    assertThat(first.done().get(10, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(3);
  }

  @Test
  void aFailingTransactionIsUndoneAloneWithWhatItMeantToDoAfterCommit() throws Exception {
    List<String> afterCommit = new CopyOnWriteArrayList<>();
    IllegalStateException refusal = new IllegalStateException("refused");
    Hold first = holdTheWriter("kept-1");
    CompletableFuture<String> failing =
        call(
            () ->
                writes.execute(
                    status -> {
                      jdbc.sql("INSERT INTO row (name) VALUES ('undone')").update();
                      AfterCommit.run(() -> afterCommit.add("undone"));
                      throw refusal;
                    }));
    awaitWaiting(1);
    CompletableFuture<String> last =
        call(
            () ->
                writes.execute(
                    status -> {
                      AfterCommit.run(() -> afterCommit.add("kept-2"));
                      return insert("kept-2");
                    }));
    awaitWaiting(2);
    first.release();

    assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo("kept-2");
    assertThat(first.done().get(10, TimeUnit.SECONDS)).isEqualTo("kept-1");
    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCause(refusal);
    assertThat(committedNames()).containsExactly("kept-1", "kept-2");
    assertThat(afterCommit).containsExactly("kept-2");
    assertThat(registry.get("owp.sqlite.commit.group").summary().max()).isEqualTo(2);
  }

  @Test
  void whenTheGroupCannotCommitEveryCallerLearnsItAndNothingIsKept() throws Exception {
    Hold first = holdTheWriter("first");
    CompletableFuture<String> innocent = call(() -> insert("innocent"));
    awaitWaiting(1);
    // A deferred foreign key is checked only at commit, where it fails the whole group.
    CompletableFuture<Integer> orphan =
        call(
            () ->
                writes.execute(
                    status ->
                        jdbc.sql("INSERT INTO row (name, parent) VALUES ('orphan', 42)").update()));
    awaitWaiting(2);
    first.release();

    assertThat(first.done().get(10, TimeUnit.SECONDS)).isEqualTo("first"); // a group of its own
    for (CompletableFuture<?> each : List.of(innocent, orphan)) {
      assertThatThrownBy(() -> each.get(10, TimeUnit.SECONDS))
          .rootCause()
          .hasMessageContaining("FOREIGN KEY");
    }
    assertThat(committedNames()).containsExactly("first");
    assertThat(insert("afterwards")).isEqualTo("afterwards");
    assertThat(committedNames()).containsExactly("afterwards", "first");
  }

  @Test
  void aTransactionStartedInsideAnotherJoinsIt() {
    String joined =
        writes.execute(
            outer -> {
              insert("outer");
              return writes.execute(inner -> insert("inner"));
            });

    assertThat(joined).isEqualTo("inner");
    assertThat(committedNames()).containsExactly("inner", "outer");
    assertThat(registry.get("owp.sqlite.commit.group").summary().count()).isEqualTo(1);
  }

  @Test
  void afterStoppingTransactionsRunOnTheirCallers() throws InterruptedException {
    writes.destroy();

    assertThat(insert("late")).isEqualTo("late");
    assertThat(committedNames()).containsExactly("late");
  }

  private String insert(String name) {
    return writes.execute(
        status -> {
          jdbc.sql("INSERT INTO row (name) VALUES (:name)").param("name", name).update();
          return name;
        });
  }

  private long insertAndCount(String name) {
    return writes.execute(
        status -> {
          jdbc.sql("INSERT INTO row (name) VALUES (:name)").param("name", name).update();
          return jdbc.sql("SELECT COUNT(*) FROM row").query(Long.class).single();
        });
  }

  /**
   * Starts a transaction that inserts {@code name} and then keeps the writer busy until {@link
   * Hold#release}, so that the transactions started meanwhile wait for the next group.
   */
  private Hold holdTheWriter(String name) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> done =
        call(
            () ->
                writes.execute(
                    status -> {
                      jdbc.sql("INSERT INTO row (name) VALUES (:name)")
                          .param("name", name)
                          .update();
                      started.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return name;
                    }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    return new Hold(done, release);
  }

  private record Hold(CompletableFuture<String> done, CountDownLatch gate) {
    void release() {
      gate.countDown();
    }
  }

  private <T> CompletableFuture<T> call(Supplier<T> caller) {
    return CompletableFuture.supplyAsync(caller, callers);
  }

  private void awaitWaiting(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (writes.waiting() != count) {
      assertThat(System.nanoTime()).as("transactions waiting: %d", count).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** What another connection sees: only what was committed. */
  private List<String> committedNames() {
    try (Connection reader = DriverManager.getConnection(url);
        Statement statement = reader.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM row ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
