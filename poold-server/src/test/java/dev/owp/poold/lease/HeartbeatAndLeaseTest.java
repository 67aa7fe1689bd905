package dev.owp.poold.lease;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Heartbeats keep a worker online and renew every lease it holds; so do its status reports. */
class HeartbeatAndLeaseTest extends PooldIntegrationTest {

  private static final Duration LEASE_TTL = Duration.ofSeconds(1800);
  private static final Instant START = Instant.parse("2026-01-17T12:00:00Z");

  @Test
  void aHeartbeatAnswersServerTimeAndLeasesGranted() {
    repo("demo", 5, true);
    task(aTask("demo"));
    task(aTask("demo"));
    task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);

    HeartbeatAck ack = beat(alice);

    assertThat(ack.ok()).isTrue();
    assertThat(ack.serverTime()).isEqualTo(START);
    assertThat(ack.leasesGranted()).isEqualTo(2);
    assertThat(ack.leasesHeld()).isEqualTo(2);
    HeartbeatAck again = beat(alice);
    assertThat(again.leasesGranted()).isZero();
    assertThat(again.leasesHeld()).isEqualTo(2);
  }

  @Test
  void aLeaseLastsTheLeaseTtlFromItsGrant() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);

    beat(alice);

    LeaseView lease = as(alice).work().leases().get(0);
    assertThat(lease.taskId()).isEqualTo(id);
    assertThat(lease.status()).isEqualTo(TaskStatus.LEASED);
    assertThat(lease.leaseExpiresAt()).isEqualTo(START.plus(LEASE_TTL));
    assertThat(view(id).leasedAt()).isEqualTo(START);
    assertThat(view(id).workerId()).isEqualTo(alice.workerId());
  }

  @Test
  void heartbeatsRenewEveryHeldLeaseSoHealthyWorkNeverExpires() {
    repo("demo", 5, true);
    TaskId leased = task(aTask("demo"));
    TaskId working = task(aTask("demo"));
    TaskId blocked = task(aTask("demo"));
    TaskId opened = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 10, 4);
    beat(alice);
    report(alice, working, TaskStatus.IN_PROGRESS);
    report(alice, blocked, TaskStatus.BLOCKED);
    report(alice, opened, TaskStatus.PR_OPENED);

    // Far past the original lease: the original (bug 7) requeued all of these after 30 minutes.
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofSeconds(60));
      beat(alice);
      clock.advance(Duration.ofSeconds(60));
      runCycle();
    }
    clock.advance(Duration.ofMinutes(20));
    beat(alice);
    clock.advance(Duration.ofMinutes(29));
    assertThat(runCycle().leasesExpired()).isZero();

    Instant lastBeat = START.plus(Duration.ofMinutes(12 + 20));
    assertThat(as(alice).work().leases())
        .extracting(LeaseView::taskId, LeaseView::status, LeaseView::leaseExpiresAt)
        .containsExactlyInAnyOrder(
            tuple(leased, TaskStatus.LEASED, lastBeat.plus(LEASE_TTL)),
            tuple(working, TaskStatus.IN_PROGRESS, lastBeat.plus(LEASE_TTL)),
            tuple(blocked, TaskStatus.BLOCKED, lastBeat.plus(LEASE_TTL)),
            tuple(opened, TaskStatus.PR_OPENED, lastBeat.plus(LEASE_TTL)));
    assertThat(eventsOfType(EventType.TASK_REQUEUED)).isEmpty();
  }

  @Test
  void aStatusUpdateRenewsEveryLeaseOfTheWorkerToo() {
    repo("demo", 5, true);
    TaskId first = task(aTask("demo"));
    TaskId second = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofMinutes(25));
    StatusAck ack = report(alice, first, TaskStatus.IN_PROGRESS);
    Instant renewedAt = START.plus(Duration.ofMinutes(25));

    assertThat(ack.leaseExpiresAt()).isEqualTo(renewedAt.plus(LEASE_TTL));
    clock.advance(Duration.ofMinutes(25));
    assertThat(runCycle().leasesExpired()).isZero();
    assertThat(view(first).leaseExpiresAt()).isEqualTo(renewedAt.plus(LEASE_TTL));
    assertThat(view(second).leaseExpiresAt()).isEqualTo(renewedAt.plus(LEASE_TTL));
    assertThat(statusOf(second)).isEqualTo(TaskStatus.LEASED);
  }

  @Test
  void aReportLeavesTheOtherLeasesAloneWhenTheyWereRenewedAMomentAgo() {
    repo("demo", 5, true);
    TaskId first = task(aTask("demo"));
    TaskId second = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofSeconds(18)); // a hundredth of the TTL: not yet worth a write
    StatusAck ack = report(alice, first, TaskStatus.IN_PROGRESS);

    assertThat(ack.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE_TTL));
    assertThat(view(second).leaseExpiresAt()).isEqualTo(START.plus(LEASE_TTL));
    clock.advance(Duration.ofMillis(1));
    report(alice, first, TaskStatus.BLOCKED);
    assertThat(view(second).leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE_TTL));
  }

  @Test
  void aReportSoonAfterAReportThatRenewedLeavesTheLeasesAsTheyAre() {
    repo("demo", 5, true);
    TaskId first = task(aTask("demo"));
    TaskId second = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    clock.advance(Duration.ofMinutes(10));
    report(alice, first, TaskStatus.IN_PROGRESS);
    Instant renewedAt = clock.instant();
    assertThat(view(second).leaseExpiresAt()).isEqualTo(renewedAt.plus(LEASE_TTL));

    clock.advance(Duration.ofSeconds(18));
    report(alice, first, TaskStatus.IN_PROGRESS);
    assertThat(view(second).leaseExpiresAt()).isEqualTo(renewedAt.plus(LEASE_TTL));

    clock.advance(Duration.ofMillis(1));
    report(alice, first, TaskStatus.IN_PROGRESS);
    assertThat(view(second).leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE_TTL));
  }

  @Test
  void aSameStatusNoteAlsoRenews() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    report(alice, id, TaskStatus.IN_PROGRESS);

    clock.advance(Duration.ofMinutes(29));
    StatusAck ack =
        as(alice).updateStatus(id, new StatusUpdate(TaskStatus.IN_PROGRESS, "halfway", null, null));

    assertThat(ack.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(ack.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE_TTL));
    assertThat(view(id).message()).isEqualTo("halfway");
  }

  @Test
  void getWorkIsReadOnlyAndNeverLeases() {
    repo("demo", 5, true);
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    TaskId id = task(aTask("demo"));
    String before = databaseContents();

    assertThat(as(alice).work().leases()).isEmpty();
    assertThat(as(alice).work().workerId()).isEqualTo(alice.workerId());

    assertThat(databaseContents()).isEqualTo(before);
    assertThat(statusOf(id)).isEqualTo(TaskStatus.READY);
    // The background cycle gives a waiting worker new work without waiting for its heartbeat.
    assertThat(runCycle().leasesGranted()).isEqualTo(1);
    assertThat(held(alice)).containsExactly(id);
  }

  @Test
  void getWorkDoesNotRenewLeases() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofMinutes(20));
    as(alice).work();

    assertThat(view(id).leaseExpiresAt()).isEqualTo(START.plus(LEASE_TTL));
  }

  @Test
  void theWorkListShowsHeldTasksByPriorityThenAgeAndLeavesFinishedOnesOut() {
    repo("demo", 10, false);
    TaskId low = task(aTask("demo").priority(5));
    TaskId highOld = task(aTask("demo").priority(90));
    TaskId highNew = task(aTask("demo").priority(90));
    TaskId done = task(aTask("demo").priority(100));
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);
    report(alice, done, TaskStatus.PR_OPENED);
    report(alice, done, TaskStatus.MERGED);
    report(alice, low, TaskStatus.BLOCKED);

    assertThat(held(alice)).containsExactly(highOld, highNew, low);
  }

  @Test
  void aPausedHeartbeatRenewsButTakesNoNewWork() {
    repo("demo", 5, true);
    TaskId first = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 1);
    beat(alice);
    report(alice, first, TaskStatus.PR_OPENED);
    task(aTask("demo"));
    clock.advance(Duration.ofMinutes(10));

    HeartbeatAck ack = as(alice).heartbeat(Heartbeat.of(WorkerStatus.PAUSED, "lunch"));

    assertThat(ack.leasesGranted()).isZero();
    assertThat(ack.leasesHeld()).isEqualTo(1);
    assertThat(view(first).leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE_TTL));
    assertThat(runCycle().leasesGranted()).isZero();
    assertThat(held(alice)).containsExactly(first);
    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
  }

  @Test
  void heartbeatsAreNotLoggedOneByOneButOnlineAndOfflineAre() {
    RegisteredWorker alice = register("alice", 5, 2);

    for (int i = 0; i < 5; i++) {
      beat(alice);
      clock.advance(Duration.ofSeconds(30));
    }
    assertThat(eventsOfType(EventType.WORKER_ONLINE)).hasSize(1);
    assertThat(as(alice).me().online()).isTrue();

    clock.advance(Duration.ofSeconds(61));
    assertThat(runCycle().workersOffline()).isEqualTo(1);
    assertThat(runCycle().workersOffline()).isZero();
    assertThat(eventsOfType(EventType.WORKER_OFFLINE)).hasSize(1);
    assertThat(as(alice).me().online()).isFalse();

    beat(alice);
    beat(alice);
    assertThat(eventsOfType(EventType.WORKER_ONLINE)).hasSize(2);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM event WHERE worker_id = :w")
                .param("w", alice.workerId().value())
                .query(Integer.class)
                .single())
        .isEqualTo(4); // registered, online, offline, online
  }

  @Test
  void aStatusReportBringsAnOfflineWorkerBackOnline() {
    repo("demo", 5, true);
    TaskId task = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 1);
    beat(alice);
    clock.advance(Duration.ofSeconds(91));
    assertThat(runCycle().workersOffline()).isEqualTo(1);
    assertThat(as(alice).me().online()).isFalse();

    report(alice, task, TaskStatus.IN_PROGRESS);
    report(alice, task, TaskStatus.IN_PROGRESS);

    assertThat(as(alice).me().online()).isTrue();
    assertThat(as(alice).me().lastHeartbeat()).isEqualTo(clock.instant());
    assertThat(eventsOfType(EventType.WORKER_ONLINE)).hasSize(2);
    assertThat(runCycle().workersOffline()).isZero();
  }

  @Test
  void aWorkerIsOnlineForExactlyTheHeartbeatTtl() {
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofSeconds(90));
    assertThat(runCycle().workersOffline()).isZero();
    assertThat(as(alice).me().online()).isTrue();

    clock.advance(Duration.ofMillis(1));
    assertThat(as(alice).me().online()).isFalse();
    assertThat(runCycle().workersOffline()).isEqualTo(1);
  }

  @Test
  void theHeartbeatThatBringsAWorkerBackOnlineAlsoBringsItWork() {
    repo("demo", 5, true);
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    clock.advance(Duration.ofMinutes(5));
    assertThat(runCycle().workersOffline()).isEqualTo(1);
    TaskId id = task(aTask("demo"));

    HeartbeatAck ack = beat(alice);

    assertThat(ack.leasesGranted()).isEqualTo(1);
    assertThat(held(alice)).containsExactly(id);
    assertThat(as(alice).me().online()).isTrue();
  }

  @Test
  void aStatusReportAlsoKeepsTheWorkerOnline() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofSeconds(80));
    report(alice, id, TaskStatus.IN_PROGRESS);
    clock.advance(Duration.ofSeconds(80));

    assertThat(runCycle().workersOffline()).isZero();
    assertThat(as(alice).me().lastHeartbeat()).isEqualTo(START.plusSeconds(80));
  }

  @Test
  void aReportKeepsASignOfLifeYoungerThanAHundredthOfTheHeartbeatTtl() {
    repo("demo", 5, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    clock.advance(Duration.ofMillis(900)); // a hundredth of the 90 s heartbeat TTL
    report(alice, id, TaskStatus.IN_PROGRESS);
    assertThat(as(alice).me().lastHeartbeat()).isEqualTo(START);

    clock.advance(Duration.ofMillis(1));
    report(alice, id, TaskStatus.BLOCKED);
    assertThat(as(alice).me().lastHeartbeat()).isEqualTo(clock.instant());
  }

  @Test
  void aHeartbeatNoteOverFiveHundredCharactersIsRefused() {
    RegisteredWorker alice = register("alice", 5, 2);

    assertProblem(
        rawAs(alice.token())
            .post("/v1/workers/heartbeat", "{\"note\": \"" + "n".repeat(501) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "note must be at most 500 characters");
    assertThat(as(alice).me().lastHeartbeat()).isNull();
  }

  @Test
  void anUnknownHeartbeatStatusIsRefused() {
    RegisteredWorker alice = register("alice", 5, 2);

    var response = rawAs(alice.token()).post("/v1/workers/heartbeat", "{\"status\": \"asleep\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asString())
        .contains("unknown worker status 'asleep'");
    assertThat(as(alice).me().lastHeartbeat()).isNull();
  }

  @Test
  void theHeartbeatRecordsStatusAndTime() {
    RegisteredWorker alice = register("alice", 5, 2);

    as(alice).heartbeat(Heartbeat.of(WorkerStatus.WORKING, "on it"));

    assertThat(as(alice).me().status()).isEqualTo(WorkerStatus.WORKING);
    assertThat(as(alice).me().lastHeartbeat()).isEqualTo(START);
    assertThat(as(alice).me().online()).isTrue();
  }
}
