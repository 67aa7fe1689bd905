package dev.owp.poold.repo;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With area locks on, at most one task per (repo, area) is held, from lease until merged, released,
 * requeued or cancelled: an open pull request in {@code auth} blocks the next {@code auth} task.
 */
class AreaLockTest extends PooldIntegrationTest {

  @Test
  void twoTasksOfOneAreaAreNeverHeldAtOnce() {
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").inArea("auth"));
    TaskId second = task(aTask("demo").inArea("auth"));
    TaskId other = task(aTask("demo").inArea("docs"));
    RegisteredWorker alice = register("alice", 10, 5);
    RegisteredWorker bob = register("bob", 10, 5);

    beat(alice);
    beat(bob);
    runCycle();

    assertThat(held(alice)).containsExactly(first, other);
    assertThat(held(bob)).isEmpty();
    assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void anOpenPullRequestStillLocksItsArea() {
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").inArea("auth"));
    TaskId second = task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);

    report(alice, first, TaskStatus.IN_PROGRESS);
    report(alice, first, TaskStatus.BLOCKED);
    report(alice, first, TaskStatus.PR_OPENED);
    beat(alice);
    beat(register("bob", 10, 5));
    runCycle();
    assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);

    report(alice, first, TaskStatus.MERGED);
    runCycle();
    assertThat(statusOf(second)).isEqualTo(TaskStatus.LEASED);
  }

  @Test
  void releasingFreesTheArea() {
    assertTheAreaIsFreedBy(
        (worker, task) -> {
          as(worker).release(task, Reason.NONE);
          clock.advance(Duration.ofHours(1)); // past the release cool-down
        });
  }

  @Test
  void anAdminRequeueFreesTheArea() {
    assertTheAreaIsFreedBy((worker, task) -> admin().requeue(task, Reason.NONE));
  }

  @Test
  void cancellingFreesTheArea() {
    assertTheAreaIsFreedBy((worker, task) -> admin().cancel(task, Reason.NONE));
  }

  @Test
  void leaseExpiryFreesTheArea() {
    assertTheAreaIsFreedBy((worker, task) -> clock.advance(Duration.ofSeconds(1800)));
  }

  @Test
  void mergingFreesTheArea() {
    assertTheAreaIsFreedBy(
        (worker, task) -> {
          report(worker, task, TaskStatus.PR_OPENED);
          report(worker, task, TaskStatus.MERGED);
        });
  }

  private void assertTheAreaIsFreedBy(BiConsumer<RegisteredWorker, TaskId> action) {
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").priority(100).inArea("auth"));
    TaskId second = task(aTask("demo").priority(50).inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 1);
    beat(alice);
    report(alice, first, TaskStatus.IN_PROGRESS);
    assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);
    assertThat(lockHolder("demo", "auth")).isEqualTo(first.value());

    action.accept(alice, first);
    RegisteredWorker bob = register("bob", 10, 1);
    beat(bob);
    runCycle();

    // The area is free again: one auth task (the returned one, with its higher priority, or the
    // next one) is held, and it owns the lock.
    String heldInAuth =
        jdbc.sql(
                "SELECT task_id FROM task WHERE area = 'auth'"
                    + " AND status IN ('leased', 'in_progress', 'blocked', 'pr_opened')")
            .query(String.class)
            .single();
    assertThat(lockHolder("demo", "auth")).isEqualTo(heldInAuth);
    assertThat(Stream.concat(held(alice).stream(), held(bob).stream()))
        .containsExactly(TaskId.of(heldInAuth));
  }

  @Test
  void locksArePerRepository() {
    repo("one", 10, true);
    repo("two", 10, true);
    TaskId inOne = task(aTask("one").inArea("auth"));
    TaskId inTwo = task(aTask("two").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 5);

    beat(alice);

    assertThat(held(alice)).containsExactlyInAnyOrder(inOne, inTwo);
  }

  @Test
  void areasAreComparedTrimmedAndCaseInsensitively() {
    // v0.1 (bug 21): " Auth" never locked against "auth".
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").inArea(" Auth "));
    TaskId second = task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 5);

    beat(alice);

    assertThat(held(alice)).containsExactly(first);
    assertThat(view(first).area()).isEqualTo("auth");
    assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void tasksWithoutAnAreaNeverLock() {
    repo("demo", 10, true);
    task(aTask("demo"));
    task(aTask("demo"));
    RegisteredWorker alice = register("alice", 10, 5);

    assertThat(beat(alice).leasesGranted()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM area_lock").query(Integer.class).single()).isZero();
  }

  @Test
  void withLocksOffOneAreaMayBeHeldTwice() {
    repo("demo", 10, false);
    task(aTask("demo").inArea("auth"));
    task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 5);

    assertThat(beat(alice).leasesGranted()).isEqualTo(2);
  }

  @Test
  void switchingLocksOffFreesTheAreasAndOnLocksThemAgain() {
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").inArea("auth"));
    TaskId second = task(aTask("demo").inArea("auth"));
    TaskId third = task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 1);
    RegisteredWorker bob = register("bob", 10, 1);
    RegisteredWorker carol = register("carol", 10, 1);
    beat(alice);
    beat(bob);
    assertThat(held(bob)).isEmpty();

    repo("demo", 10, false);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM area_lock").query(Integer.class).single()).isZero();
    beat(bob);
    assertThat(held(bob)).containsExactly(second);

    repo("demo", 10, true);
    // The older of the two held tasks gets the lock; the third waits for the area.
    assertThat(lockHolder("demo", "auth")).isEqualTo(first.value());
    beat(carol);
    runCycle();
    assertThat(held(carol)).isEmpty();
    assertThat(statusOf(third)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void whenTheLockHolderFinishesAnotherHolderOfTheAreaInheritsTheLock() {
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").inArea("auth"));
    TaskId second = task(aTask("demo").inArea("auth"));
    TaskId third = task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 1);
    RegisteredWorker bob = register("bob", 10, 1);
    RegisteredWorker carol = register("carol", 10, 1);
    beat(alice);
    repo("demo", 10, false);
    beat(bob);
    repo("demo", 10, true);

    report(alice, first, TaskStatus.IN_PROGRESS);
    report(alice, first, TaskStatus.PR_OPENED);
    report(alice, first, TaskStatus.MERGED);
    beat(carol);

    // Bob still holds the second auth task: the area stays locked, now by his task.
    assertThat(lockHolder("demo", "auth")).isEqualTo(second.value());
    assertThat(held(carol)).isEmpty();
    assertThat(statusOf(third)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void reconfiguringARepoWithoutChangingLocksKeepsTheLocks() {
    repo("demo", 10, true);
    TaskId first = task(aTask("demo").inArea("auth"));
    TaskId second = task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);

    repo("demo", 5, true);
    beat(alice);

    assertThat(held(alice)).containsExactly(first);
    assertThat(lockHolder("demo", "auth")).isEqualTo(first.value());
    assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);
  }

  private String lockHolder(String repo, String area) {
    return jdbc.sql("SELECT task_id FROM area_lock WHERE repo = :repo AND area = :area")
        .param("repo", repo)
        .param("area", area)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
