package dev.owp.poold.worker;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import dev.owp.protocol.worker.WorkerView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What admins do with workers: list, read, re-tier and remove them. */
class WorkerAdminTest extends PooldIntegrationTest {

  @Test
  void anAdminSeesAWorkerWithItsLoad() {
    repo("demo", 5, true);
    TaskId active = task(aTask("demo").estimate(2));
    TaskId opened = task(aTask("demo").estimate(1));
    RegisteredWorker alice = register("alice", 5, 3, "java");
    beat(alice);
    report(alice, opened, TaskStatus.PR_OPENED);

    WorkerView view = admin().worker(alice.workerId());

    assertThat(view.workerId()).isEqualTo(alice.workerId());
    assertThat(view.name()).isEqualTo("alice");
    assertThat(view.skills()).containsExactly("java");
    assertThat(view.online()).isTrue();
    assertThat(view.lastHeartbeat()).isEqualTo(clock.instant());
    assertThat(view.usedPoints()).isEqualTo(2);
    assertThat(view.usedTasks()).isEqualTo(1);
    assertThat(view.heldTasks()).isEqualTo(2);
    assertThat(held(alice)).containsExactlyInAnyOrder(active, opened);
  }

  @Test
  void anUnknownWorkerIs404() {
    WorkerId nobody = WorkerId.of("w_ffffffffffffffff");
    String detail = "Worker not found: w_ffffffffffffffff";

    assertRefused(() -> admin().worker(nobody), ProblemType.NOT_FOUND, detail);
    assertRefused(() -> admin().pauseWorker(nobody, Reason.NONE), ProblemType.NOT_FOUND, detail);
    assertRefused(() -> admin().resumeWorker(nobody), ProblemType.NOT_FOUND, detail);
    assertRefused(
        () -> admin().setTier(nobody, new TierChange(1, null)), ProblemType.NOT_FOUND, detail);
    assertRefused(() -> admin().removeWorker(nobody, Reason.NONE), ProblemType.NOT_FOUND, detail);
  }

  @Test
  void workersArePagedOldestFirst() {
    List<WorkerId> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(register("w" + i, 5, 2).workerId());
    }

    WorkerPage first = admin().workers(new WorkerQuery(null, 2, null));
    WorkerPage second = admin().workers(new WorkerQuery(null, 2, first.nextCursor()));
    WorkerPage third = admin().workers(new WorkerQuery(null, 2, second.nextCursor()));

    assertThat(first.workers())
        .extracting(WorkerView::workerId)
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(second.workers())
        .extracting(WorkerView::workerId)
        .containsExactly(ids.get(2), ids.get(3));
    assertThat(third.workers()).extracting(WorkerView::workerId).containsExactly(ids.get(4));
    assertThat(third.nextCursor()).isNull();
    assertProblem(
        rawAdmin().get("/v1/admin/workers?cursor=nonsense"),
        ProblemType.INVALID_REQUEST,
        "cursor: not a cursor this server gave out");
  }

  @Test
  void workersAreFilteredByPresence() {
    RegisteredWorker gone = register("gone", 5, 2);
    beat(gone);
    clock.advance(Duration.ofMinutes(5));
    RegisteredWorker here = register("here", 5, 2);
    beat(here);
    RegisteredWorker never = register("never", 5, 2);

    assertThat(admin().workers(new WorkerQuery(true, 100, null)).workers())
        .extracting(WorkerView::workerId)
        .containsExactly(here.workerId());
    assertThat(admin().workers(new WorkerQuery(false, 100, null)).workers())
        .extracting(WorkerView::workerId)
        .containsExactly(gone.workerId(), never.workerId());
    assertThat(admin().workers(WorkerQuery.all()).workers()).hasSize(3);
  }

  @Test
  void settingATierIsLoggedAndValidated() {
    RegisteredWorker alice = register("alice", 5, 2);

    WorkerView view = admin().setTier(alice.workerId(), new TierChange(2, "trusted"));

    assertThat(view.trustTier()).isEqualTo(2);
    List<Map<String, Object>> events = eventsOfType(EventType.WORKER_TIER);
    assertThat(events).hasSize(1);
    assertThat((String) events.get(0).get("details"))
        .contains("\"from\":0", "\"to\":2", "\"reason\":\"trusted\"");
    // The same tier again changes nothing.
    admin().setTier(alice.workerId(), new TierChange(2, null));
    assertThat(eventsOfType(EventType.WORKER_TIER)).hasSize(1);
    String before = databaseContents();
    assertProblem(
        rawAdmin().post("/v1/admin/workers/" + alice.workerId() + "/tier", "{\"tier\": 4}"),
        ProblemType.INVALID_REQUEST,
        "tier must be between 0 and 3");
    assertProblem(
        rawAdmin().post("/v1/admin/workers/" + alice.workerId() + "/tier", "{}"),
        ProblemType.INVALID_REQUEST,
        "tier is required");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void removingAWorkerRevokesItsTokenAndReturnsItsTasks() {
    repo("demo", 5, true);
    TaskId working = task(aTask("demo").inArea("auth"));
    TaskId opened = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    RegisteredWorker bob = register("bob", 5, 2);
    beat(alice);
    report(alice, working, TaskStatus.IN_PROGRESS);
    report(alice, opened, TaskStatus.PR_OPENED);

    WorkerView removed = admin().removeWorker(alice.workerId(), new Reason("left the project"));

    assertThat(removed.workerId()).isEqualTo(alice.workerId());
    assertRefused(() -> as(alice).work(), ProblemType.UNAUTHENTICATED, "Invalid worker token");
    assertRefused(() -> beat(alice), ProblemType.UNAUTHENTICATED, "Invalid worker token");
    for (TaskId id : List.of(working, opened)) {
      TaskView task = view(id);
      assertThat(task.status()).isEqualTo(TaskStatus.READY);
      assertThat(task.attempt()).isEqualTo(1);
      assertThat(task.workerId()).isNull();
      assertThat(task.message()).isEqualTo("requeued (worker removed): left the project");
    }
    assertThat(admin().repos().repos()).extracting(RepoView::held).containsExactly(0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM area_lock").query(Integer.class).single()).isZero();
    assertThat(admin().workers(WorkerQuery.all()).workers())
        .extracting(WorkerView::workerId)
        .containsExactly(bob.workerId());
    assertRefused(() -> admin().worker(alice.workerId()), ProblemType.NOT_FOUND);
    assertRefused(
        () -> admin().removeWorker(alice.workerId(), Reason.NONE),
        ProblemType.NOT_FOUND,
        "Worker not found: " + alice.workerId());
    List<Map<String, Object>> events = eventsOfType(EventType.WORKER_REMOVED);
    assertThat(events).hasSize(1);
    assertThat((String) events.get(0).get("details")).contains(working.value(), opened.value());
    assertThat(eventsOfType(EventType.TASK_REQUEUED)).hasSize(2);
    // The returned tasks go to the others at once.
    beat(bob);
    assertThat(held(bob)).containsExactlyInAnyOrder(working, opened);
  }

  @Test
  void aRemovedWorkerNoLongerCountsAsOnline() {
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    register("bob", 5, 2);

    admin().removeWorker(alice.workerId(), Reason.NONE);

    assertThat(admin().state().workersOnline()).isZero();
    assertThat(admin().state().workersTotal()).isEqualTo(1);
    assertThat(runCycle().workersOffline()).isZero();
  }
}
