package dev.owp.poold.repo;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code max_open_prs}: every held task (leased, in_progress, blocked, pr_opened) takes a slot of
 * its repository's budget from lease until it is merged, returned or cancelled.
 */
class ReviewBudgetTest extends PooldIntegrationTest {

  @Test
  void theOriginalsOvershootCannotHappen() {
    // v0.1 (bug 5): budget 1, a worker taking 3 at once, 3 tasks in 3 areas -> 3 open PRs.
    repo("demo", 1, true);
    task(aTask("demo").inArea("auth"));
    task(aTask("demo").inArea("docs"));
    task(aTask("demo").inArea("ui"));
    RegisteredWorker alice = register("alice", 10, 3);

    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
    assertThat(runCycle().leasesGranted()).isZero();
    assertThat(beat(register("bob", 10, 3)).leasesGranted()).isZero();

    assertThat(heldInRepo("demo")).isEqualTo(1);
    assertThat(admin().state().tasksLeased()).isEqualTo(1);
    assertThat(admin().state().tasksReady()).isEqualTo(2);
  }

  @Test
  void everyHeldStatusKeepsItsSlotUntilMerged() {
    repo("demo", 1, false);
    TaskId first = task(aTask("demo"));
    TaskId second = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 10, 3);
    beat(alice);

    for (TaskStatus status :
        List.of(
            TaskStatus.IN_PROGRESS,
            TaskStatus.BLOCKED,
            TaskStatus.IN_PROGRESS,
            TaskStatus.PR_OPENED)) {
      report(alice, first, status);
      assertThat(beat(alice).leasesGranted()).as("while %s", status).isZero();
      assertThat(runCycle().leasesGranted()).isZero();
      assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);
    }
    assertThat(repoView("demo").throttled()).isTrue();
    assertThat(repoView("demo").openPrs()).isEqualTo(1);

    // Merging frees the slot, and the worker is offered the next task at once.
    report(alice, first, TaskStatus.MERGED);

    assertThat(statusOf(second)).isEqualTo(TaskStatus.LEASED);
    assertThat(heldInRepo("demo")).isEqualTo(1);
  }

  @Test
  void aBudgetOfZeroAssignsNothing() {
    repo("frozen", 0, true);
    task(aTask("frozen"));
    RegisteredWorker alice = register("alice", 10, 3);

    assertThat(beat(alice).leasesGranted()).isZero();
    assertThat(runCycle().leasesGranted()).isZero();

    assertThat(repoView("frozen").throttled()).isTrue();
    assertThat(repoView("frozen").ready()).isEqualTo(1);
  }

  @Test
  void theBudgetIsNeverExceededByManyWorkers() {
    repo("demo", 3, false);
    for (int i = 0; i < 10; i++) {
      task(aTask("demo"));
    }
    for (int i = 0; i < 5; i++) {
      beat(register("w" + i, 10, 3));
    }
    runCycle();

    assertThat(heldInRepo("demo")).isEqualTo(3);
    assertThat(repoView("demo").held()).isEqualTo(3);
    assertThat(repoView("demo").ready()).isEqualTo(7);
  }

  @Test
  void budgetsArePerRepository() {
    repo("small", 1, false);
    repo("large", 3, false);
    for (int i = 0; i < 3; i++) {
      task(aTask("small"));
      task(aTask("large"));
    }
    RegisteredWorker alice = register("alice", 20, 10);

    assertThat(beat(alice).leasesGranted()).isEqualTo(4);

    assertThat(heldInRepo("small")).isEqualTo(1);
    assertThat(heldInRepo("large")).isEqualTo(3);
  }

  @Test
  void raisingTheBudgetLetsMoreWorkOut() {
    repo("demo", 1, false);
    task(aTask("demo"));
    task(aTask("demo"));
    RegisteredWorker alice = register("alice", 10, 3);
    beat(alice);

    repo("demo", 2, false);
    runCycle();

    assertThat(heldInRepo("demo")).isEqualTo(2);
  }

  @Test
  void loweringTheBudgetTakesNothingBackButStopsNewWork() {
    repo("demo", 3, false);
    for (int i = 0; i < 4; i++) {
      task(aTask("demo"));
    }
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);
    List<TaskId> held = held(alice);
    assertThat(held).hasSize(3);

    repo("demo", 1, false);
    report(alice, held.get(0), TaskStatus.PR_OPENED);
    report(alice, held.get(0), TaskStatus.MERGED);
    runCycle();

    assertThat(heldInRepo("demo")).isEqualTo(2);
    assertThat(held(alice)).containsExactlyInAnyOrder(held.get(1), held.get(2));
    RepoView repo = repoView("demo");
    assertThat(repo.held()).isEqualTo(2);
    assertThat(repo.maxOpenPrs()).isEqualTo(1);
    assertThat(repo.throttled()).isTrue();
  }

  @Test
  void aReleaseOrRequeueOrCancelGivesTheSlotBack() {
    repo("demo", 1, false);
    TaskId first = task(aTask("demo"));
    TaskId second = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 10, 3);
    RegisteredWorker bob = register("bob", 10, 3);
    beat(alice);
    assertThat(held(alice)).containsExactly(first);

    admin().cancel(first, dev.owp.protocol.task.Reason.NONE);
    beat(bob);

    assertThat(held(bob)).containsExactly(second);
    assertThat(heldInRepo("demo")).isEqualTo(1);
  }

  private int heldInRepo(String repo) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM task WHERE repo = :repo"
                + " AND status IN ('leased', 'in_progress', 'blocked', 'pr_opened')")
        .param("repo", repo)
        .query(Integer.class)
        .single();
  }

  private RepoView repoView(String repo) {
    return admin().repos().repos().stream()
        .filter(view -> view.repo().equals(repo))
        .findFirst()
        .orElseThrow();
  }
}
