package dev.owp.poold.schedule;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.TestDatabase;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL with other writers at work: a claim never queues behind a row another transaction
 * holds, and the planner keeps up with a ready queue that fills and drains.
 */
@ExtendWith(TestDatabase.OnlyPostgresql.class)
class ConcurrentWritersTest extends PooldIntegrationTest {

  @Autowired DataSource dataSource;

  @Test
  void aClaimPassesOverATaskAnotherTransactionIsTaking() throws Exception {
    repo("demo", 10, false);
    RegisteredWorker solo = register("solo", 10, 1);
    TaskId first = task(aTask("demo").priority(30));
    TaskId second = task(aTask("demo").priority(20));

    try (Connection other =
        inATransactionOfItsOwn("SELECT task_id FROM task WHERE task_id = ? FOR UPDATE", first)) {
      // A claim that waited for the row would wait until this transaction ends: never, here.
      assertThat(heldAfterAHeartbeat(solo).get(20, TimeUnit.SECONDS)).containsExactly(second);
      other.rollback();
    }
    assertThat(statusOf(first)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aLeaseThatLosesTheLastReviewSlotIsUndoneAndTheNextRepositoryLeased() throws Exception {
    repo("full", 1, false);
    repo("spare", 5, false);
    RegisteredWorker solo = register("solo", 10, 1);
    TaskId wanted = task(aTask("full").priority(30));
    TaskId next = task(aTask("spare").priority(20));

    try (Connection other =
        inATransactionOfItsOwn("UPDATE repo SET held = held + 1 WHERE repo = 'full'")) {
      // The claim reads "full" with its one slot free, leases its task, and waits for its row.
      CompletableFuture<List<TaskId>> claim = heldAfterAHeartbeat(solo);
      awaitALockWait();
      other.commit();

      assertThat(claim.get(20, TimeUnit.SECONDS)).containsExactly(next);
    }
    // The lost lease left nothing behind: the worker is charged once, the task is ready again.
    assertThat(statusOf(wanted)).isEqualTo(TaskStatus.READY);
    assertThat(
            jdbc.sql("SELECT used_tasks FROM worker WHERE worker_id = :id")
                .param("id", solo.workerId().value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(eventsOfType(EventType.TASK_LEASED))
        .extracting(event -> event.get("task_id"))
        .containsExactly(next.value());
  }

  /** A connection whose open transaction has run {@code sql}, bound to {@code tasks}. */
  private Connection inATransactionOfItsOwn(String sql, TaskId... tasks) throws SQLException {
    Connection other = dataSource.getConnection();
    other.setAutoCommit(false);
    try (PreparedStatement statement = other.prepareStatement(sql)) {
      for (int i = 0; i < tasks.length; i++) {
        statement.setString(i + 1, tasks[i].value());
      }
      statement.execute();
    }
    return other;
  }

  /** The tasks {@code worker} holds after a heartbeat sent on another thread. */
  private CompletableFuture<List<TaskId>> heldAfterAHeartbeat(RegisteredWorker worker) {
    return CompletableFuture.supplyAsync(
        () -> {
          beat(worker);
          return held(worker);
        });
  }

  /** Waits until some transaction waits for a row lock. */
  private void awaitALockWait() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (jdbc.sql("SELECT COUNT(*) FROM pg_locks WHERE NOT granted").query(Long.class).single()
        == 0) {
      assertThat(Instant.now()).as("a claim waiting for the repository row").isBefore(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aLargeImportRefreshesThePlannersStatistics() throws Exception {
    repo("demo", 10, false);
    long before = analyzed();
    List<TaskSpec> tasks =
        IntStream.range(0, 1_000).mapToObj(i -> aTask("demo").key("t-" + i).build()).toList();

    admin().createTasks(new BulkTasks(tasks));

    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (analyzed() == before && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(analyzed()).isEqualTo(before + 1);
  }

  @Test
  void theTaskTableIsAnalyzedAfterAFixedNumberOfChangesWhateverItsSize() {
    String options =
        jdbc.sql(
                "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'task'::regclass")
            .query(String.class)
            .single();

    assertThat(options.split(","))
        .contains("autovacuum_analyze_scale_factor=0", "autovacuum_vacuum_scale_factor=0");
  }

  /** How often the task table was analyzed on request (autovacuum's own runs aside). */
  private long analyzed() {
    return jdbc.sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'task'::regclass")
        .query(Long.class)
        .single();
  }
}
