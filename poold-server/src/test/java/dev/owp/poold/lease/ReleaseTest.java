package dev.owp.poold.lease;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A worker gives a task it holds back to the pool. */
class ReleaseTest extends PooldIntegrationTest {

  @ParameterizedTest
  @EnumSource(
      value = TaskStatus.class,
      names = {"LEASED", "IN_PROGRESS", "BLOCKED", "PR_OPENED"})
  void aHeldTaskGoesBackToReadyWithAnotherAttempt(TaskStatus reached) {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo").estimate(2).inArea("auth"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    if (reached != TaskStatus.LEASED) {
      report(alice, id, reached);
    }

    StatusAck ack = as(alice).release(id, new Reason("  no time this week "));

    assertThat(ack.ok()).isTrue();
    assertThat(ack.status()).isEqualTo(TaskStatus.READY);
    assertThat(ack.leaseExpiresAt()).isNull();
    TaskView task = view(id);
    assertThat(task.status()).isEqualTo(TaskStatus.READY);
    assertThat(task.attempt()).isEqualTo(1);
    assertThat(task.workerId()).isNull();
    assertThat(task.leaseId()).isNull();
    assertThat(task.message()).isEqualTo("released by its worker: no time this week");
    WorkerView me = as(alice).me();
    assertThat(me.usedPoints()).isZero();
    assertThat(me.usedTasks()).isZero();
    assertThat(me.heldTasks()).isZero();
    assertThat(admin().repos().repos()).extracting(RepoView::held).containsExactly(0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM area_lock").query(Integer.class).single()).isZero();
    List<Map<String, Object>> released = eventsOfType(EventType.TASK_RELEASED);
    assertThat(released).hasSize(1);
    assertThat(released.get(0).get("worker_id")).isEqualTo(alice.workerId().value());
    assertThat((String) released.get(0).get("details"))
        .contains("\"reason\":\"released\"", "\"note\":\"no time this week\"", "\"attempt\":1");
  }

  @Test
  void aReleaseWithoutBodyOrReasonIsFine() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    var response = rawAs(alice.token()).post("/v1/tasks/" + id + "/release", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(view(id).message()).isEqualTo("released by its worker");
  }

  @Test
  void theReleasedTaskIsNotOfferedBackToItsWorkerForACoolDownButToOthersAtOnce() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    as(alice).release(id, Reason.NONE);
    assertThat(held(alice)).isEmpty();
    assertThat(beat(alice).leasesGranted()).isZero();
    assertThat(runCycle().leasesGranted()).isZero();
    clock.advance(Duration.ofMinutes(29));
    assertThat(beat(alice).leasesGranted()).isZero();

    RegisteredWorker bob = register("bob", 5, 2);
    assertThat(beat(bob).leasesGranted()).isEqualTo(1);
    assertThat(held(bob)).containsExactly(id);
  }

  @Test
  void afterTheCoolDownTheSameWorkerMayTakeItAgain() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    as(alice).release(id, Reason.NONE);

    clock.advance(Duration.ofMinutes(30));

    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
    assertThat(held(alice)).containsExactly(id);
    assertThat(view(id).attempt()).isEqualTo(1);
  }

  @Test
  void releasingFreesRoomForOtherWorkAtOnce() {
    repo("demo", 5, true);
    TaskId first = task(aTask("demo").priority(90));
    TaskId second = task(aTask("demo").priority(10));
    RegisteredWorker alice = register("alice", 5, 1);
    beat(alice);
    assertThat(held(alice)).containsExactly(first);

    StatusAck ack = as(alice).release(first, Reason.NONE);

    assertThat(held(alice)).containsExactly(second);
    assertThat(ack.newLeases()).isEqualTo(as(alice).work().leases());
  }

  @Test
  void aWorkerCannotReleaseWhatItDoesNotHold() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    RegisteredWorker bob = register("bob", 5, 2);
    beat(alice);
    String before = databaseContents();

    assertRefused(
        () -> as(bob).release(id, Reason.NONE),
        ProblemType.NOT_YOUR_TASK,
        "Task not assigned to this worker");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aMergedTaskCannotBeReleased() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    report(alice, id, TaskStatus.PR_OPENED);
    report(alice, id, TaskStatus.MERGED);

    assertProblem(
        rawAs(alice.token()).post("/v1/tasks/" + id + "/release", null),
        ProblemType.CONFLICT,
        "Task " + id + " is merged; it cannot be released");
    assertThat(statusOf(id)).isEqualTo(TaskStatus.MERGED);
  }

  @Test
  void aReasonOverFiveHundredCharactersIsRefused() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    assertProblem(
        rawAs(alice.token())
            .post("/v1/tasks/" + id + "/release", "{\"reason\": \"" + "r".repeat(501) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "reason must be 1 to 500 characters");
    assertThat(statusOf(id)).isEqualTo(TaskStatus.LEASED);
  }

  @Test
  void releasingRenewsTheWorkersOtherLeases() {
    repo("demo", 5, false);
    TaskId kept = task(aTask("demo"));
    TaskId given = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofMinutes(20));
    as(alice).release(given, Reason.NONE);

    assertThat(view(kept).leaseExpiresAt()).isEqualTo(clock.instant().plusSeconds(1800));
  }
}
