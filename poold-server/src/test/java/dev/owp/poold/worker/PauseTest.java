package dev.owp.poold.worker;

import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paused worker keeps its leases but gets no new ones; an admin's pause only an admin lifts. */
class PauseTest extends PooldIntegrationTest {

  private RegisteredWorker alice;
  private TaskId first;

  @BeforeEach
  void aWorkerWithOneTaskAndMoreWaiting() {
    repo("demo", 10, false);
    first = task(aTask("demo"));
    alice = register("alice", 10, 5);
    beat(alice);
    assertThat(held(alice)).containsExactly(first);
    task(aTask("demo"));
  }

  @Test
  void aHeartbeatSayingPausedTakesNoNewWork() {
    var ack = as(alice).heartbeat(Heartbeat.of(WorkerStatus.PAUSED, "on holiday"));

    assertThat(ack.leasesGranted()).isZero();
    assertThat(runCycle().leasesGranted()).isZero();
    assertThat(as(alice).me().paused()).isTrue();
    assertThat(as(alice).me().pausedBy()).isNull();
    List<Map<String, Object>> paused = eventsOfType(EventType.WORKER_PAUSED);
    assertThat(paused).hasSize(1);
    assertThat((String) paused.get(0).get("details")).contains("\"by\":\"heartbeat\"");

    // A heartbeat saying working again lifts it.
    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
    assertThat(eventsOfType(EventType.WORKER_RESUMED)).hasSize(1);
  }

  @Test
  void aWorkerPausesAndResumesItself() {
    WorkerView paused = as(alice).pause(new Reason("exams"));

    assertThat(paused.pausedBy()).isEqualTo(PausedBy.WORKER);
    assertThat(beat(alice).leasesGranted()).isZero();
    assertThat(runCycle().leasesGranted()).isZero();
    // It keeps what it holds, and can still work on it.
    assertThat(report(alice, first, TaskStatus.IN_PROGRESS).status())
        .isEqualTo(TaskStatus.IN_PROGRESS);

    WorkerView resumed = as(alice).resume();

    assertThat(resumed.pausedBy()).isNull();
    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
  }

  @Test
  void anAdminPauseStopsNewWorkAndTheWorkerCannotLiftIt() {
    WorkerView paused = admin().pauseWorker(alice.workerId(), new Reason("spamming PRs"));

    assertThat(paused.pausedBy()).isEqualTo(PausedBy.ADMIN);
    assertThat(beat(alice).leasesGranted()).isZero();
    // Paused is still online, as v0.1 counted it.
    assertThat(admin().state().workersOnline()).isEqualTo(1);
    assertThat(runCycle().leasesGranted()).isZero();
    String before = databaseContents();

    assertRefused(
        () -> as(alice).resume(),
        ProblemType.CONFLICT,
        "Worker " + alice.workerId() + " was paused by an admin; only an admin can resume it");
    assertThat(databaseContents()).isEqualTo(before);
    // Nor does the worker's own pause downgrade it.
    as(alice).pause(Reason.NONE);
    assertThat(as(alice).me().pausedBy()).isEqualTo(PausedBy.ADMIN);

    WorkerView resumed = admin().resumeWorker(alice.workerId());

    assertThat(resumed.pausedBy()).isNull();
    assertThat(beat(alice).leasesGranted()).isEqualTo(1);
  }

  @Test
  void anAdminPauseOverridesTheWorkersOwn() {
    as(alice).pause(Reason.NONE);

    admin().pauseWorker(alice.workerId(), Reason.NONE);

    assertThat(as(alice).me().pausedBy()).isEqualTo(PausedBy.ADMIN);
    assertRefused(() -> as(alice).resume(), ProblemType.CONFLICT);
  }

  @Test
  void aPausedWorkerStillRenewsItsLeases() {
    admin().pauseWorker(alice.workerId(), Reason.NONE);

    clock.advance(Duration.ofMinutes(20));
    beat(alice);
    clock.advance(Duration.ofMinutes(20));

    assertThat(runCycle().leasesExpired()).isZero();
    assertThat(held(alice)).containsExactly(first);
  }

  @Test
  void pausingTwiceOrResumingAnUnpausedWorkerChangesNothing() {
    as(alice).resume();
    admin().resumeWorker(alice.workerId());
    assertThat(eventsOfType(EventType.WORKER_RESUMED)).isEmpty();

    admin().pauseWorker(alice.workerId(), Reason.NONE);
    admin().pauseWorker(alice.workerId(), Reason.NONE);
    assertThat(eventsOfType(EventType.WORKER_PAUSED)).hasSize(1);
  }
}
