package dev.owp.poold.task;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.task.UpsertOutcome;
import dev.owp.protocol.worker.RegisteredWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What admins do with tasks: create, read, list, requeue and cancel. */
class AdminTaskTest extends PooldIntegrationTest {

  private RegisteredWorker alice;

  @BeforeEach
  void aRepoAndAWorker() {
    repo("demo", 5, true);
    alice = register("alice", 10, 5);
  }

  private TaskId taskIn(TaskStatus status) {
    TaskId id = task(aTask("demo"));
    if (status == TaskStatus.READY) {
      return id;
    }
    if (status == TaskStatus.CANCELLED) {
      admin().cancel(id, Reason.NONE);
      return id;
    }
    beat(alice);
    switch (status) {
      case IN_PROGRESS, BLOCKED, PR_OPENED -> report(alice, id, status);
      case MERGED -> {
        report(alice, id, TaskStatus.PR_OPENED);
        report(alice, id, TaskStatus.MERGED);
      }
      default -> {}
    }
    assertThat(statusOf(id)).isEqualTo(status);
    return id;
  }

  @Test
  void aCreatedTaskIsReadyWithItsDefinition() {
    TaskCreated created =
        admin()
            .createTask(
                aTask("demo")
                    .titled("  Fix login  ")
                    .described("details")
                    .estimate(3)
                    .priority(70)
                    .needing("Java", " SPRING ")
                    .inArea(" Auth")
                    .tier(1)
                    .build());

    assertThat(created.ok()).isTrue();
    assertThat(created.outcome()).isEqualTo(UpsertOutcome.CREATED);
    TaskView task = view(created.taskId());
    assertThat(task.repo()).isEqualTo("demo");
    assertThat(task.title()).isEqualTo("Fix login");
    assertThat(task.description()).isEqualTo("details");
    assertThat(task.estimatePoints()).isEqualTo(3);
    assertThat(task.priority()).isEqualTo(70);
    assertThat(task.requiredSkills()).containsExactly("java", "spring");
    assertThat(task.area()).isEqualTo("auth");
    assertThat(task.tier()).isEqualTo(1);
    assertThat(task.status()).isEqualTo(TaskStatus.READY);
    assertThat(task.attempt()).isZero();
    assertThat(task.createdAt()).isEqualTo(clock.instant());
    List<Map<String, Object>> events = eventsOfType(EventType.TASK_CREATE);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("task_id")).isEqualTo(created.taskId().value());
    assertThat(events.get(0).get("repo")).isEqualTo("demo");
  }

  @Test
  void aTaskForAnUnknownRepoIsRefusedAndNothingIsWritten() {
    String before = databaseContents();

    assertRefused(
        () -> admin().createTask(aTask("nope").build()),
        ProblemType.UNKNOWN_REPO,
        "Unknown repo: nope");

    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void anUnknownTaskIs404() {
    assertRefused(
        () -> admin().task(TaskId.of("t_ffffffffffffffff")),
        ProblemType.NOT_FOUND,
        "Task not found: t_ffffffffffffffff");
    assertRefused(
        () -> admin().requeue(TaskId.of("t_ffffffffffffffff"), Reason.NONE),
        ProblemType.NOT_FOUND,
        "Task not found: t_ffffffffffffffff");
    assertRefused(
        () -> admin().cancel(TaskId.of("t_ffffffffffffffff"), Reason.NONE),
        ProblemType.NOT_FOUND,
        "Task not found: t_ffffffffffffffff");
  }

  @ParameterizedTest
  @CsvSource({"leased", "in_progress", "blocked", "pr_opened"})
  void aHeldTaskCanBeRequeued(String status) {
    TaskId id = taskIn(TaskStatus.fromWire(status));

    TaskView task = admin().requeue(id, new Reason("abandoned PR"));

    assertThat(task.status()).isEqualTo(TaskStatus.READY);
    assertThat(task.attempt()).isEqualTo(1);
    assertThat(task.workerId()).isNull();
    assertThat(task.message()).isEqualTo("requeued by an admin: abandoned PR");
    assertThat(as(alice).me().heldTasks()).isZero();
    assertThat(as(alice).me().usedPoints()).isZero();
    assertThat(admin().repos().repos()).extracting(RepoView::held).containsExactly(0);
    List<Map<String, Object>> events = eventsOfType(EventType.TASK_REQUEUED);
    assertThat((String) events.get(0).get("details"))
        .contains("\"reason\":\"admin\"", "\"from\":\"" + status + "\"");
    // Not a worker's act: the event names no actor.
    assertThat(events.get(0).get("worker_id")).isNull();
    // The worker is told if it reports on it.
    assertRefused(() -> report(alice, id, TaskStatus.PR_OPENED), ProblemType.LEASE_LOST);
  }

  @ParameterizedTest
  @CsvSource({"ready", "merged", "cancelled"})
  void aTaskNobodyHoldsCannotBeRequeued(String status) {
    TaskId id = taskIn(TaskStatus.fromWire(status));
    String before = databaseContents();

    var problem =
        assertProblem(
            rawAdmin().post("/v1/admin/tasks/" + id + "/requeue", null),
            ProblemType.CONFLICT,
            "Task "
                + id
                + " is "
                + status
                + ": only a leased, in_progress, blocked or pr_opened task can be requeued");

    assertThat(problem.path("task_status").asString()).isEqualTo(status);
    assertThat(databaseContents()).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource({"ready", "leased", "in_progress", "blocked", "pr_opened"})
  void anUnfinishedTaskCanBeCancelled(String status) {
    TaskId id = taskIn(TaskStatus.fromWire(status));

    TaskView task = admin().cancel(id, new Reason("duplicate"));

    assertThat(task.status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(task.message()).isEqualTo("cancelled by an admin: duplicate");
    assertThat(task.leaseId()).isNull();
    assertThat(as(alice).me().heldTasks()).isZero();
    assertThat(as(alice).me().usedTasks()).isZero();
    assertThat(admin().repos().repos()).extracting(RepoView::held).containsExactly(0);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM area_lock").query(Integer.class).single()).isZero();
    assertThat(eventsOfType(EventType.TASK_CANCELLED)).hasSize(1);
    // A cancelled task is never leased again.
    beat(register("bob", 10, 5));
    assertThat(statusOf(id)).isEqualTo(TaskStatus.CANCELLED);
  }

  @ParameterizedTest
  @CsvSource({"merged", "cancelled"})
  void aFinishedTaskCannotBeCancelled(String status) {
    TaskId id = taskIn(TaskStatus.fromWire(status));
    String before = databaseContents();

    var problem =
        assertProblem(
            rawAdmin().post("/v1/admin/tasks/" + id + "/cancel", "{\"reason\": \"x\"}"),
            ProblemType.CONFLICT,
            "Task " + id + " is already " + status);

    assertThat(problem.path("task_status").asString()).isEqualTo(status);
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aRequeuedTaskIsOfferedAgainAtOnceEvenToItsFormerWorker() {
    TaskId id = taskIn(TaskStatus.IN_PROGRESS);
    admin().requeue(id, Reason.NONE);

    beat(alice);

    assertThat(held(alice)).containsExactly(id);
  }

  @Test
  void tasksArePagedNewestFirstWithAKeysetCursor() {
    List<TaskId> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(task(aTask("demo").titled("task " + i)));
    }

    TaskPage first = admin().tasks(new TaskQuery(null, null, 3, null));
    // A task created between pages does not shift the next page.
    task(aTask("demo").titled("late"));
    TaskPage second = admin().tasks(new TaskQuery(null, null, 3, first.nextCursor()));
    TaskPage third = admin().tasks(new TaskQuery(null, null, 3, second.nextCursor()));

    assertThat(first.tasks())
        .extracting(TaskView::taskId)
        .containsExactly(ids.get(6), ids.get(5), ids.get(4));
    assertThat(second.tasks())
        .extracting(TaskView::taskId)
        .containsExactly(ids.get(3), ids.get(2), ids.get(1));
    assertThat(third.tasks()).extracting(TaskView::taskId).containsExactly(ids.get(0));
    assertThat(first.nextCursor()).isNotNull();
    assertThat(third.nextCursor()).isNull();
  }

  @Test
  void anExactlyFullLastPageHasNoCursor() {
    for (int i = 0; i < 4; i++) {
      task(aTask("demo"));
    }

    TaskPage first = admin().tasks(new TaskQuery(null, null, 2, null));
    TaskPage second = admin().tasks(new TaskQuery(null, null, 2, first.nextCursor()));

    assertThat(second.tasks()).hasSize(2);
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void tasksAreFilteredByRepoAndStatus() {
    repo("other", 5, true);
    TaskId leased = task(aTask("demo").priority(100));
    TaskId ready = task(aTask("demo").tier(3));
    TaskId elsewhere = task(aTask("other").tier(3));
    beat(alice);

    assertThat(admin().tasks(new TaskQuery("demo", null, 100, null)).tasks())
        .extracting(TaskView::taskId)
        .containsExactly(ready, leased);
    assertThat(admin().tasks(new TaskQuery(null, TaskStatus.READY, 100, null)).tasks())
        .extracting(TaskView::taskId)
        .containsExactly(elsewhere, ready);
    assertThat(admin().tasks(new TaskQuery("demo", TaskStatus.LEASED, 100, null)).tasks())
        .extracting(TaskView::taskId)
        .containsExactly(leased);
    assertThat(admin().tasks(new TaskQuery("nope", null, 100, null)).tasks()).isEmpty();
    assertThat(rawAdmin().get("/v1/admin/tasks?status=in_progress").json().path("tasks").size())
        .isZero();
  }

  @Test
  void aCursorThisServerDidNotMakeIs400() {
    for (String cursor : List.of("garbage!", "azE6eHl6", "bm9wZQ")) {
      assertProblem(
          rawAdmin().get("/v1/admin/tasks?cursor=" + cursor),
          ProblemType.INVALID_REQUEST,
          "cursor: not a cursor this server gave out");
    }
  }
}
