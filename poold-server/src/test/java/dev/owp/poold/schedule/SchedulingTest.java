package dev.owp.poold.schedule;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.TestDatabase;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who gets which task: skills, capacity, tiers, presence and order, end to end over HTTP. */
class SchedulingTest extends PooldIntegrationTest {

  @Test
  void aWorkerNeedsEveryRequiredSkillComparedTrimmedAndCaseInsensitively() {
    repo("demo", 10, false);
    TaskId both = task(aTask("demo").needing(" Python ", "DOCS"));
    RegisteredWorker onlyPython = register("only-python", 10, 5, "python");
    RegisteredWorker versatile = register("versatile", 10, 5, "docs ", " PYTHON", "go");

    assertThat(beat(onlyPython).leasesGranted()).isZero();
    assertThat(runCycle().leasesGranted()).isZero();
    assertThat(beat(versatile).leasesGranted()).isEqualTo(1);

    assertThat(held(versatile)).containsExactly(both);
    assertThat(view(both).requiredSkills()).containsExactly("python", "docs");
  }

  @Test
  void tasksNeedingTheSameSkillsInAnyOrderShareOneSkillSet() {
    repo("demo", 10, false);
    TaskId first = task(aTask("demo").needing("python", "docs"));
    TaskId second = task(aTask("demo").needing("docs", "python"));
    long sets = skillSets();
    task(aTask("demo").needing("fortran", "only-in-this-test"));

    assertThat(skillSetOf(first)).isEqualTo(skillSetOf(second));
    assertThat(skillSets()).isEqualTo(sets + 1);
    RegisteredWorker versatile = register("versatile", 10, 5, "python", "docs");
    beat(versatile);
    assertThat(held(versatile)).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void aSkillSetAnotherReplicaAddedIsMatchedByTheNextClaim() {
    repo("demo", 10, false);
    RegisteredWorker rustacean = register("rustacean", 10, 5, "rust-elsewhere");
    beat(rustacean);
    // Another poold on the same database writes a set this one has never read.
    jdbc.sql(
            "INSERT INTO skill_set (skills) VALUES ('[\"rust-elsewhere\"]') ON CONFLICT (skills) DO NOTHING")
        .update();
    jdbc.sql(
            """
            INSERT INTO task (task_id, repo, title, estimate_points, priority, required_skills,
                              skill_set, tier, status, created_at, updated_at)
            SELECT 't_elsewhere', 'demo', 'Written by another replica', 1, 10, '["rust-elsewhere"]', id, 0,
                   'ready', 0, 0
              FROM skill_set WHERE skills = '["rust-elsewhere"]'
            """)
        .update();

    beat(rustacean);

    assertThat(held(rustacean)).containsExactly(TaskId.of("t_elsewhere"));
  }

  @Test
  void aReportStandsWhenTheClaimItStartsFails() {
    repo("demo", 10, false);
    TaskId first = task(aTask("demo"));
    RegisteredWorker solo = register("solo", 1, 1);
    beat(solo);
    report(solo, first, TaskStatus.IN_PROGRESS);
    TaskId second = task(aTask("demo"));
    refuseEveryLease();
    try {
      assertThat(report(solo, first, TaskStatus.PR_OPENED).status())
          .isEqualTo(TaskStatus.PR_OPENED);
    } finally {
      allowLeasesAgain();
    }

    assertThat(statusOf(first)).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(statusOf(second)).isEqualTo(TaskStatus.READY);
    beat(solo);
    assertThat(statusOf(second)).isEqualTo(TaskStatus.LEASED);
  }

  // A trigger that makes every lease fail, as a broken database would.
  private void refuseEveryLease() {
    if (TestDatabase.current() == TestDatabase.SQLITE) {
      update(
          """
          CREATE TRIGGER no_leases BEFORE UPDATE OF status ON task
            WHEN NEW.status = 'leased' BEGIN SELECT RAISE(ABORT, 'no leases now'); END
          """);
      return;
    }
    update(
        """
        CREATE FUNCTION no_leases() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'no leases now'; END $$
        """);
    update(
        """
        CREATE TRIGGER no_leases BEFORE UPDATE OF status ON task FOR EACH ROW
          WHEN (NEW.status = 'leased') EXECUTE FUNCTION no_leases()
        """);
  }

  private void allowLeasesAgain() {
    if (TestDatabase.current() == TestDatabase.SQLITE) {
      update("DROP TRIGGER no_leases");
      return;
    }
    update("DROP TRIGGER no_leases ON task");
    update("DROP FUNCTION no_leases()");
  }

  private void update(String statement) {
    jdbc.sql(statement).update();
  }

  private long skillSets() {
    return jdbc.sql("SELECT COUNT(*) FROM skill_set").query(Long.class).single();
  }

  private long skillSetOf(TaskId task) {
    return jdbc.sql("SELECT skill_set FROM task WHERE task_id = :id")
        .param("id", task.value())
        .query(Long.class)
        .single();
  }

  @Test
  void aClaimReadsTheQueuesOfMoreRepositoriesThanOneStatementHolds() {
    List<TaskId> tasks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      repo("many-" + i, 1, false);
      tasks.add(task(aTask("many-" + i).priority(i == 97 ? 90 : i == 113 ? 80 : 10)));
    }
    RegisteredWorker alice = register("alice", 10, 2);

    beat(alice);

    assertThat(held(alice)).containsExactlyInAnyOrder(tasks.get(97), tasks.get(113));

    // The report frees a slot of Alice's, and the claim it makes reads all the queues again.
    report(alice, tasks.get(97), TaskStatus.IN_PROGRESS);
    report(alice, tasks.get(97), TaskStatus.PR_OPENED);
    assertThat(statusOf(tasks.get(0))).isEqualTo(TaskStatus.LEASED);
    assertThat(statusOf(tasks.get(119))).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aTaskWithoutRequirementsSuitsAnyone() {
    repo("demo", 10, false);
    TaskId id = task(aTask("demo"));
    RegisteredWorker novice = register("novice", 1, 1);

    beat(novice);

    assertThat(held(novice)).containsExactly(id);
  }

  @Test
  void capacityPointsLimitWhatAWorkerTakes() {
    repo("demo", 10, false);
    TaskId first = task(aTask("demo").estimate(3));
    TaskId second = task(aTask("demo").estimate(3));
    TaskId tooBig = task(aTask("demo").estimate(6));
    RegisteredWorker alice = register("alice", 5, 3);

    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
    assertThat(held(alice)).containsExactly(first);
    WorkerView me = as(alice).me();
    assertThat(me.usedPoints()).isEqualTo(3);
    assertThat(me.usedTasks()).isEqualTo(1);

    // blocked and pr_opened tasks free their worker's capacity
    report(alice, first, TaskStatus.BLOCKED);
    beat(alice);
    assertThat(held(alice)).containsExactly(first, second);
    assertThat(statusOf(tooBig)).isEqualTo(TaskStatus.READY);
    assertThat(as(alice).me().usedPoints()).isEqualTo(3);
  }

  @Test
  void taskSlotsLimitWhatAWorkerTakes() {
    repo("demo", 10, false);
    List<TaskId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(task(aTask("demo")));
    }
    RegisteredWorker alice = register("alice", 100, 2);

    assertThat(beat(alice).leasesGranted()).isEqualTo(2);
    report(alice, ids.get(0), TaskStatus.IN_PROGRESS);
    assertThat(beat(alice).leasesGranted()).isZero();

    // Opening the PR frees the slot, and new work comes at once, as in v0.1.
    report(alice, ids.get(0), TaskStatus.PR_OPENED);
    assertThat(held(alice)).containsExactly(ids.get(0), ids.get(1), ids.get(2));
    WorkerView me = as(alice).me();
    assertThat(me.usedTasks()).isEqualTo(2);
    assertThat(me.heldTasks()).isEqualTo(3);
    assertThat(statusOf(ids.get(3))).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aTaskNeedsAWorkerOfAtLeastItsTier() {
    repo("demo", 10, false);
    TaskId trusted = task(aTask("demo").tier(2));
    RegisteredWorker alice = register("alice", 10, 5);

    assertThat(beat(alice).leasesGranted()).isZero();
    admin().setTier(alice.workerId(), new TierChange(1, "first PR merged"));
    assertThat(beat(alice).leasesGranted()).isZero();
    WorkerView raised = admin().setTier(alice.workerId(), new TierChange(2, "maintainer"));
    assertThat(raised.trustTier()).isEqualTo(2);

    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
    assertThat(held(alice)).containsExactly(trusted);
  }

  @Test
  void aHigherTierWorkerTakesLowerTierTasks() {
    repo("demo", 10, false);
    TaskId easy = task(aTask("demo").tier(0));
    TaskId medium = task(aTask("demo").tier(1));
    RegisteredWorker alice = register("alice", 10, 5);
    admin().setTier(alice.workerId(), new TierChange(3, null));

    beat(alice);

    assertThat(held(alice)).containsExactly(easy, medium);
  }

  @Test
  void loweringATierKeepsTheTasksAlreadyHeld() {
    repo("demo", 10, false);
    TaskId trusted = task(aTask("demo").tier(2));
    RegisteredWorker alice = register("alice", 10, 5);
    admin().setTier(alice.workerId(), new TierChange(2, null));
    beat(alice);

    admin().setTier(alice.workerId(), new TierChange(0, "oops"));

    assertThat(held(alice)).containsExactly(trusted);
    assertThat(report(alice, trusted, TaskStatus.IN_PROGRESS).status())
        .isEqualTo(TaskStatus.IN_PROGRESS);
  }

  @Test
  void offlineWorkersGetNothingFromTheCycle() {
    repo("demo", 10, false);
    RegisteredWorker silent = register("silent", 10, 5);
    register("never-seen", 10, 5);
    beat(silent);
    clock.advance(Duration.ofSeconds(91));
    TaskId id = task(aTask("demo"));

    assertThat(runCycle().leasesGranted()).isZero();
    assertThat(statusOf(id)).isEqualTo(TaskStatus.READY);

    // Its next heartbeat brings it back online, and it gets the task.
    assertThat(beat(silent).leasesGranted()).isEqualTo(1);
  }

  @Test
  void theCycleFeedsOnlineWorkers() {
    repo("demo", 10, false);
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);
    clock.advance(Duration.ofSeconds(90));
    TaskId id = task(aTask("demo"));

    assertThat(runCycle().leasesGranted()).isEqualTo(1);

    assertThat(held(alice)).containsExactly(id);
  }

  @Test
  void workGoesOutByPriorityThenOldestFirst() {
    repo("a", 100, false);
    repo("b", 100, false);
    List<TaskId> created = new ArrayList<>();
    created.add(task(aTask("a").priority(10).titled("low, oldest")));
    created.add(task(aTask("b").priority(50).titled("mid, older")));
    created.add(task(aTask("a").priority(50).titled("mid, newer")));
    created.add(task(aTask("b").priority(10).titled("low, newest")));
    created.add(task(aTask("a").priority(1000).titled("urgent")));
    for (int i = 0; i < 10; i++) {
      created.add(task(aTask(i % 2 == 0 ? "a" : "b").priority(5).titled("backlog " + i)));
    }
    RegisteredWorker alice = register("alice", 10, 1);

    List<String> order = new ArrayList<>();
    beat(alice);
    for (int i = 0; i < created.size(); i++) {
      TaskId current = held(alice).get(0);
      order.add(view(current).title());
      report(alice, current, TaskStatus.PR_OPENED); // frees the slot: the next one is leased
      report(alice, current, TaskStatus.MERGED);
    }

    List<String> expected = new ArrayList<>();
    expected.addAll(List.of("urgent", "mid, older", "mid, newer", "low, oldest", "low, newest"));
    for (int i = 0; i < 10; i++) {
      expected.add("backlog " + i);
    }
    assertThat(order).containsExactlyElementsOf(expected);
    assertThat(admin().state().tasksMerged()).isEqualTo(created.size());
  }

  @Test
  void priorityOrderHoldsAcrossMoreRepositoriesThanOneQueueReadCovers() {
    // A claim reads at most 50 repositories' queues per statement: 120 repositories take three.
    List<TaskId> byPriority = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      repo("r" + i, 10, false);
      byPriority.add(task(aTask("r" + i).priority(i)));
    }
    RegisteredWorker alice = register("alice", 10, 3);

    assertThat(beat(alice).leasesGranted()).isEqualTo(3);

    assertThat(held(alice))
        .containsExactlyInAnyOrder(byPriority.get(119), byPriority.get(118), byPriority.get(117));
  }

  @Test
  void aPlanSkipsWhatDoesNotFitAndTakesTheNextThatDoes() {
    repo("demo", 10, false);
    TaskId big = task(aTask("demo").priority(90).estimate(4));
    TaskId small = task(aTask("demo").priority(50).estimate(1));
    RegisteredWorker alice = register("alice", 3, 2);

    beat(alice);

    assertThat(held(alice)).containsExactly(small);
    assertThat(statusOf(big)).isEqualTo(TaskStatus.READY);
  }
}
