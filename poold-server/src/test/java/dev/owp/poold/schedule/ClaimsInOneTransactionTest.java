package dev.owp.poold.schedule;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.TierChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several claims in one write transaction, as SQLite's group commit runs the claims of many status
 * reports: each sees what the ones before it leased and changed, and finds its worker's work
 * however deep in the queue it lies. PostgreSQL reads afresh for every claim; the outcomes are the
 * same.
 */
class ClaimsInOneTransactionTest extends PooldIntegrationTest {

  @Autowired Claims claims;
  @Autowired TransactionTemplate transactions;

  @Test
  void claimsInOneTransactionTakeDifferentTasksInQueueOrder() {
    repo("demo", 10, false);
    RegisteredWorker alice = idle("alice");
    RegisteredWorker bob = idle("bob");
    TaskId first = task(aTask("demo").priority(30));
    TaskId second = task(aTask("demo").priority(20));
    TaskId third = task(aTask("demo").priority(10));

    inOneTransaction(alice, bob);

    assertThat(held(alice)).containsExactly(first);
    assertThat(held(bob)).containsExactly(second);
    assertThat(statusOf(third)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aTaskChangedEarlierInTheTransactionIsPassedOverForTheNext() {
    repo("demo", 10, false);
    RegisteredWorker alice = idle("alice");
    RegisteredWorker bob = idle("bob");
    TaskId first = task(aTask("demo").priority(30));
    TaskId second = task(aTask("demo").priority(20));
    TaskId third = task(aTask("demo").priority(10));

    transactions.executeWithoutResult(
        status -> {
          claims.offerWithinReport(alice.workerId());
          // Another write of the same transaction takes the next task out of the queue.
          jdbc.sql(
                  "UPDATE task SET status = 'cancelled', version = version + 1"
                      + " WHERE task_id = :id")
              .param("id", second.value())
              .update();
          claims.offerWithinReport(bob.workerId());
        });

    assertThat(held(alice)).containsExactly(first);
    assertThat(held(bob)).containsExactly(third);
  }

  @Test
  void aWorkerFindsItsTaskBehindManyItCannotTake() {
    repo("demo", 100, false);
    RegisteredWorker trusted = idle("trusted");
    admin().setTier(trusted.workerId(), new TierChange(2, "maintainer"));
    RegisteredWorker newcomer = idle("newcomer");
    List<TaskId> risky = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      risky.add(task(aTask("demo").priority(50).tier(2)));
    }
    TaskId easy = task(aTask("demo").priority(10));

    inOneTransaction(trusted, newcomer);

    assertThat(held(trusted)).containsExactly(risky.get(0));
    assertThat(held(newcomer)).containsExactly(easy);
  }

  /** A worker with room for one task, online, holding nothing. */
  private RegisteredWorker idle(String name) {
    RegisteredWorker worker = register(name, 1, 1);
    beat(worker);
    assertThat(held(worker)).isEmpty();
    return worker;
  }

  private void inOneTransaction(RegisteredWorker... workers) {
    transactions.executeWithoutResult(
        status -> {
          for (RegisteredWorker worker : workers) {
            claims.offerWithinReport(worker.workerId());
          }
        });
  }
}
