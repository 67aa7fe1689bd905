package dev.owp.poold.lease;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A worker silent for longer than the lease TTL loses its leased, in_progress and blocked tasks to
 * the pool; a worker whose lease was taken back cannot touch the task any more.
 */
class LeaseExpiryTest extends PooldIntegrationTest {

  private static final Duration LEASE_TTL = Duration.ofSeconds(1800);

  @ParameterizedTest
  @EnumSource(
      value = TaskStatus.class,
      names = {"LEASED", "IN_PROGRESS", "BLOCKED"})
  void aSilentWorkersTaskGoesBackToThePoolAfterTheLeaseTtl(TaskStatus reached) {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo").estimate(3).inArea("auth"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    if (reached != TaskStatus.LEASED) {
      report(alice, id, reached);
    }
    Instant lastSign = clock.instant();

    clock.advance(LEASE_TTL.minusMillis(1));
    assertThat(runCycle().leasesExpired()).isZero();
    assertThat(statusOf(id)).isEqualTo(reached);

    clock.advance(Duration.ofMillis(1)); // the expiry instant is exclusive
    assertThat(runCycle().leasesExpired()).isEqualTo(1);

    TaskView task = view(id);
    assertThat(task.status()).isEqualTo(TaskStatus.READY);
    assertThat(task.attempt()).isEqualTo(1);
    assertThat(task.message()).isEqualTo("requeued (lease expired)");
    assertThat(task.workerId()).isNull();
    assertThat(task.leaseId()).isNull();
    assertThat(task.leaseExpiresAt()).isNull();
    List<Map<String, Object>> requeued = eventsOfType(EventType.TASK_REQUEUED);
    assertThat(requeued).hasSize(1);
    assertThat(requeued.get(0).get("task_id")).isEqualTo(id.value());
    assertThat((String) requeued.get(0).get("details"))
        .contains("\"reason\":\"lease_expired\"")
        .contains("\"from\":\"" + reached.wireName() + "\"")
        .contains("\"worker_id\":\"" + alice.workerId() + "\"")
        .contains("\"attempt\":1");
    assertThat(lastSign.plus(LEASE_TTL)).isEqualTo(clock.instant());
    // Everything the lease held is free again.
    WorkerView worker = admin().worker(alice.workerId());
    assertThat(worker.usedPoints()).isZero();
    assertThat(worker.usedTasks()).isZero();
    assertThat(worker.heldTasks()).isZero();
    assertThat(admin().repos().repos()).extracting(RepoView::held).containsExactly(0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM area_lock").query(Integer.class).single()).isZero();
  }

  @Test
  void anOpenPullRequestNeverExpires() {
    // Design decision: a pr_opened task waits on review, not on its worker.
    repo("demo", 1, true);
    TaskId id = task(aTask("demo").inArea("auth"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    report(alice, id, TaskStatus.PR_OPENED);

    clock.advance(Duration.ofDays(7));
    assertThat(runCycle().leasesExpired()).isZero();

    assertThat(statusOf(id)).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(view(id).workerId()).isEqualTo(alice.workerId());
    assertThat(admin().repos().repos()).extracting(RepoView::held).containsExactly(1);
    // Its worker, back after a week, can still finish it.
    assertThat(report(alice, id, TaskStatus.MERGED).status()).isEqualTo(TaskStatus.MERGED);
  }

  @Test
  void anExpiredTaskIsLeasedAgainToTheNextWorker() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    LeaseId first = as(alice).work().leases().get(0).leaseId();

    clock.advance(LEASE_TTL);
    RegisteredWorker bob = register("bob", 5, 2);
    beat(bob);
    runCycle();

    assertThat(held(bob)).containsExactly(id);
    TaskView task = view(id);
    assertThat(task.workerId()).isEqualTo(bob.workerId());
    assertThat(task.leaseId()).isNotEqualTo(first);
    assertThat(task.attempt()).isEqualTo(1);
    assertThat(task.message()).isNull(); // a new lease starts clean
  }

  @Test
  void aStaleWorkerCannotOverwriteTheNewHoldersState() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    report(alice, id, TaskStatus.IN_PROGRESS);
    clock.advance(LEASE_TTL);
    runCycle();
    RegisteredWorker bob = register("bob", 5, 2);
    beat(bob);
    report(bob, id, TaskStatus.IN_PROGRESS);
    String before = databaseContents();

    var refusal =
        assertRefused(
            () ->
                as(alice)
                    .updateStatus(
                        id,
                        new StatusUpdate(
                            TaskStatus.PR_OPENED,
                            "done!",
                            Artifact.ofPullRequest("https://github.com/o/r/pull/9"),
                            null)),
            ProblemType.LEASE_LOST,
            "Lease lost: this worker no longer holds task "
                + id
                + ": it went back to the pool and is now in_progress");

    assertThat(refusal.status()).isEqualTo(409);
    assertThat(databaseContents()).isEqualTo(before);
    TaskView task = view(id);
    assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(task.workerId()).isEqualTo(bob.workerId());
    assertThat(task.artifact()).isNull();
    assertRefused(
        () -> as(alice).release(id, Reason.NONE),
        ProblemType.LEASE_LOST,
        "Lease lost: this worker no longer holds task "
            + id
            + ": it went back to the pool and is now in_progress");
    assertRefused(() -> report(alice, id, TaskStatus.MERGED), ProblemType.LEASE_LOST);
  }

  @Test
  void aStaleWorkerIsToldEvenWhileTheTaskWaitsInThePool() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    clock.advance(LEASE_TTL);
    runCycle();

    var body =
        assertProblem(
            rawAs(alice.token()).post("/v1/tasks/" + id + "/status", "{\"status\": \"blocked\"}"),
            ProblemType.LEASE_LOST);

    assertThat(body.path("task_id").asString()).isEqualTo(id.value());
    assertThat(body.path("task_status").asString()).isEqualTo("ready");
    assertThat(statusOf(id)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aQuotedStaleLeaseIdIsRefusedEvenWhenTheSameWorkerHoldsTheTaskAgain() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    LeaseId first = as(alice).work().leases().get(0).leaseId();
    clock.advance(LEASE_TTL);
    runCycle();
    beat(alice); // the expired task is offered again, to the same worker
    LeaseId second = as(alice).work().leases().get(0).leaseId();
    assertThat(second).isNotEqualTo(first);

    assertRefused(
        () ->
            as(alice).updateStatus(id, new StatusUpdate(TaskStatus.IN_PROGRESS, null, null, first)),
        ProblemType.LEASE_LOST,
        "Lease lost: this worker no longer holds task "
            + id
            + ": lease "
            + first
            + " was replaced by "
            + second);
    assertThat(statusOf(id)).isEqualTo(TaskStatus.LEASED);

    assertThat(
            as(alice)
                .updateStatus(id, new StatusUpdate(TaskStatus.IN_PROGRESS, null, null, second))
                .status())
        .isEqualTo(TaskStatus.IN_PROGRESS);
  }

  @Test
  void aWorkerThatNeverHeldTheTaskIsForbidden() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    RegisteredWorker mallory = register("mallory", 5, 2);
    beat(alice);
    String before = databaseContents();

    assertRefused(
        () -> report(mallory, id, TaskStatus.IN_PROGRESS),
        ProblemType.NOT_YOUR_TASK,
        "Task not assigned to this worker");
    assertRefused(
        () -> as(mallory).release(id, Reason.NONE),
        ProblemType.NOT_YOUR_TASK,
        "Task not assigned to this worker");
    assertThat(databaseContents()).isEqualTo(before);
    TaskId ready = task(aTask("demo"));
    assertRefused(
        () -> report(mallory, ready, TaskStatus.IN_PROGRESS),
        ProblemType.NOT_YOUR_TASK,
        "Task not assigned to this worker");
  }

  @Test
  void aHeartbeatThatArrivesBeforeTheCycleSavesTheLease() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(LEASE_TTL.minusSeconds(1));
    beat(alice);
    clock.advance(Duration.ofSeconds(1));

    assertThat(runCycle().leasesExpired()).isZero();
    assertThat(statusOf(id)).isEqualTo(TaskStatus.LEASED);
  }

  @Test
  void everyExpiryCountsAnotherAttempt() {
    repo("demo", 1, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);

    for (int attempt = 1; attempt <= 3; attempt++) {
      beat(alice);
      assertThat(as(alice).work().leases().get(0).attempt()).isEqualTo(attempt - 1);
      clock.advance(LEASE_TTL);
      runCycle();
      assertThat(view(id).attempt()).isEqualTo(attempt);
    }
    assertThat(eventsOfType(EventType.TASK_REQUEUED)).hasSize(3);
  }
}
