package dev.owp.poold.task;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The task state machine, driven through the API by the worker that holds the task. */
class StatusTransitionTest extends PooldIntegrationTest {

  private static final Map<TaskStatus, List<TaskStatus>> PATH_TO =
      Map.of(
          TaskStatus.LEASED, List.of(),
          TaskStatus.IN_PROGRESS, List.of(TaskStatus.IN_PROGRESS),
          TaskStatus.BLOCKED, List.of(TaskStatus.BLOCKED),
          TaskStatus.PR_OPENED, List.of(TaskStatus.PR_OPENED),
          TaskStatus.MERGED, List.of(TaskStatus.PR_OPENED, TaskStatus.MERGED));

  private RegisteredWorker alice;

  @BeforeEach
  void aWorkerHoldingOneTask() {
    repo("demo", 5, true);
    alice = register("alice", 5, 2);
  }

  private TaskId taskIn(TaskStatus status) {
    TaskId id = task(aTask("demo"));
    beat(alice);
    for (TaskStatus step : PATH_TO.get(status)) {
      report(alice, id, step);
    }
    assertThat(statusOf(id)).isEqualTo(status);
    return id;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "leased, in_progress",
    "leased, blocked",
    "leased, pr_opened",
    "in_progress, blocked",
    "in_progress, pr_opened",
    "blocked, in_progress",
    "blocked, pr_opened",
    "pr_opened, merged",
    "pr_opened, in_progress",
  })
  void legalMovesAreApplied(String from, String to) {
    TaskId id = taskIn(TaskStatus.fromWire(from));

    StatusAck ack = report(alice, id, TaskStatus.fromWire(to));

    assertThat(ack.ok()).isTrue();
    assertThat(ack.status()).isEqualTo(TaskStatus.fromWire(to));
    assertThat(statusOf(id)).isEqualTo(TaskStatus.fromWire(to));
    List<Map<String, Object>> events = eventsOfType(EventType.TASK_STATUS);
    assertThat((String) events.get(events.size() - 1).get("details"))
        .contains("\"from\":\"" + from + "\"", "\"status\":\"" + to + "\"");
    if (to.equals("merged")) {
      assertThat(ack.leaseExpiresAt()).isNull();
      assertThat(held(alice)).doesNotContain(id);
    } else {
      assertThat(ack.leaseExpiresAt()).isEqualTo(clock.instant().plusSeconds(1800));
    }
  }

  @ParameterizedTest(name = "{0} again")
  @CsvSource({"in_progress", "blocked", "pr_opened"})
  void theSameStatusAgainIsANoteThatKeepsTheTask(String status) {
    TaskId id = taskIn(TaskStatus.fromWire(status));

    StatusAck ack =
        as(alice)
            .updateStatus(
                id, new StatusUpdate(TaskStatus.fromWire(status), "still at it", null, null));

    assertThat(ack.status()).isEqualTo(TaskStatus.fromWire(status));
    assertThat(view(id).message()).isEqualTo("still at it");
    assertThat(view(id).workerId()).isEqualTo(alice.workerId());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "leased      | merged      | from leased a worker may move to in_progress, blocked, pr_opened",
        "in_progress | merged      | from in_progress a worker may move to blocked, pr_opened",
        "blocked     | merged      | from blocked a worker may move to in_progress, pr_opened",
        "pr_opened   | blocked     | from pr_opened a worker may move to in_progress, merged",
        "merged      | in_progress | a merged task cannot be changed by its worker",
        "merged      | blocked     | a merged task cannot be changed by its worker",
        "merged      | pr_opened   | a merged task cannot be changed by its worker",
      })
  void illegalMovesAre409NamingBothStates(String from, String to, String allowed) {
    TaskId id = taskIn(TaskStatus.fromWire(from));
    String before = databaseContents();

    JsonNode problem =
        assertProblem(
            rawAs(alice.token())
                .post("/v1/tasks/" + id + "/status", "{\"status\": \"" + to + "\"}"),
            ProblemType.ILLEGAL_TRANSITION,
            "Cannot move task from " + from + " to " + to + ": " + allowed);

    assertThat(problem.path("from").asString()).isEqualTo(from);
    assertThat(problem.path("to").asString()).isEqualTo(to);
    assertThat(problem.path("task_id").asString()).isEqualTo(id.value());
    assertThat(databaseContents()).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource({"ready", "leased", "cancelled"})
  void onlyWorkerStatusesCanBeReported(String status) {
    TaskId id = taskIn(TaskStatus.LEASED);

    assertProblem(
        rawAs(alice.token())
            .post("/v1/tasks/" + id + "/status", "{\"status\": \"" + status + "\"}"),
        ProblemType.INVALID_REQUEST,
        "status must be one of in_progress, blocked, pr_opened, merged (got " + status + ")");
    assertProblem(
        rawAs(alice.token()).post("/v1/tasks/" + id + "/status", "{\"status\": \"done\"}"),
        ProblemType.INVALID_REQUEST);
    assertProblem(
        rawAs(alice.token()).post("/v1/tasks/" + id + "/status", "{}"),
        ProblemType.INVALID_REQUEST,
        "status is required");
    assertThat(statusOf(id)).isEqualTo(TaskStatus.LEASED);
  }

  @Test
  void reportingMergedAgainIsAHarmlessRetry() {
    TaskId id = taskIn(TaskStatus.MERGED);
    String before = databaseContents();

    StatusAck ack = report(alice, id, TaskStatus.MERGED);

    assertThat(ack.ok()).isTrue();
    assertThat(ack.status()).isEqualTo(TaskStatus.MERGED);
    assertThat(ack.leaseExpiresAt()).isNull();
    assertThat(eventsOfType(EventType.TASK_STATUS)).hasSize(2);
    assertThat(databaseContents().replaceAll("last_heartbeat=\\d+", ""))
        .isEqualTo(before.replaceAll("last_heartbeat=\\d+", ""));
  }

  @Test
  void aMergedTaskKeepsItsWorkerAndLeavesItsWorkList() {
    TaskId id = taskIn(TaskStatus.MERGED);

    TaskView task = view(id);
    assertThat(task.workerId()).isEqualTo(alice.workerId());
    assertThat(task.leaseId()).isNull();
    assertThat(task.leaseExpiresAt()).isNull();
    assertThat(held(alice)).isEmpty();
    assertThat(as(alice).me().usedTasks()).isZero();
  }

  @Test
  void thePullRequestUrlIsKeptWhenALaterUpdateOmitsIt() {
    // v0.1 (bug 11): reporting merged without the URL erased it.
    TaskId id = taskIn(TaskStatus.IN_PROGRESS);
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.IN_PROGRESS, null, new Artifact(null, "ABCDEF1", null, null), null));
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                "opened",
                Artifact.ofPullRequest("https://github.com/o/r/pull/7"),
                null));

    report(alice, id, TaskStatus.MERGED);
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.MERGED,
                null,
                new Artifact(null, null, null, Map.of("ci", "green")),
                null));

    Artifact artifact = view(id).artifact();
    assertThat(artifact.prUrl()).isEqualTo("https://github.com/o/r/pull/7");
    assertThat(artifact.commitSha()).isEqualTo("abcdef1");
    assertThat(artifact.extra()).isNull();
  }

  @Test
  void aLaterArtifactFieldReplacesTheEarlierOne() {
    TaskId id = taskIn(TaskStatus.PR_OPENED);
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                null,
                new Artifact("https://github.com/o/r/pull/1", "aaaa", null, Map.of("ci", "red")),
                null));

    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.IN_PROGRESS,
                "changes requested",
                new Artifact(null, "bbbb", null, Map.of("ci", "green", "review", "2")),
                null));

    TaskView task = view(id);
    assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(task.message()).isEqualTo("changes requested");
    assertThat(task.artifact().prUrl()).isEqualTo("https://github.com/o/r/pull/1");
    assertThat(task.artifact().commitSha()).isEqualTo("bbbb");
    assertThat(task.artifact().extra()).containsEntry("ci", "green").containsEntry("review", "2");
  }

  @Test
  void aNewLeaseStartsWithoutTheOldMessageAndArtifact() {
    TaskId id = taskIn(TaskStatus.IN_PROGRESS);
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                "see PR",
                Artifact.ofPullRequest("https://github.com/o/r/pull/3"),
                null));
    as(alice).release(id, new Reason("no time"));
    RegisteredWorker bob = register("bob", 5, 2);

    beat(bob);

    assertThat(held(bob)).containsExactly(id);
    TaskView task = view(id);
    assertThat(task.message()).isNull();
    assertThat(task.artifact()).isNull();
    assertThat(as(bob).work().leases().get(0).artifact()).isNull();
  }

  @Test
  void resumingBeyondTheWorkersSlotsIs409() {
    RegisteredWorker solo = register("solo", 5, 1);
    TaskId first = task(aTask("demo"));
    beat(solo);
    report(solo, first, TaskStatus.BLOCKED);
    TaskId second = task(aTask("demo"));
    beat(solo);
    assertThat(held(solo)).containsExactly(first, second);
    String before = databaseContents();

    assertRefused(
        () -> report(solo, first, TaskStatus.IN_PROGRESS),
        ProblemType.CAPACITY_EXCEEDED,
        "Worker "
            + solo.workerId()
            + " has no free capacity to resume task "
            + first
            + ": finish, block or release another task first");

    assertThat(databaseContents()).isEqualTo(before);
    report(solo, second, TaskStatus.PR_OPENED);
    assertThat(report(solo, first, TaskStatus.IN_PROGRESS).status())
        .isEqualTo(TaskStatus.IN_PROGRESS);
  }

  @Test
  void changesRequestedBeyondTheWorkersPointsIs409() {
    RegisteredWorker small = register("small", 4, 3);
    TaskId first = task(aTask("demo").estimate(3));
    beat(small);
    report(small, first, TaskStatus.PR_OPENED);
    TaskId second = task(aTask("demo").estimate(3));
    beat(small);
    assertThat(held(small)).containsExactly(first, second);

    assertRefused(
        () -> report(small, first, TaskStatus.IN_PROGRESS), ProblemType.CAPACITY_EXCEEDED);

    assertThat(statusOf(first)).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(as(small).me().usedPoints()).isEqualTo(3);
  }

  @Test
  void blockedAndOpenedTasksDoNotCountAgainstCapacityButComeBackToIt() {
    TaskId id = taskIn(TaskStatus.IN_PROGRESS);
    assertThat(as(alice).me().usedTasks()).isEqualTo(1);

    report(alice, id, TaskStatus.BLOCKED);
    assertThat(as(alice).me().usedTasks()).isZero();
    report(alice, id, TaskStatus.IN_PROGRESS);
    assertThat(as(alice).me().usedTasks()).isEqualTo(1);
    report(alice, id, TaskStatus.PR_OPENED);
    assertThat(as(alice).me().usedTasks()).isZero();
    assertThat(as(alice).me().usedPoints()).isZero();
    assertThat(as(alice).me().heldTasks()).isEqualTo(1);
  }

  @Test
  void aReportThatFreesRoomAnswersWithTheLeasesItGranted() {
    repo("demo", 2, true);
    RegisteredWorker solo = register("solo", 5, 1);
    TaskId first = task(aTask("demo").priority(90));
    beat(solo);
    TaskId second = task(aTask("demo").priority(50));
    TaskId third = task(aTask("demo").priority(10));

    assertThat(report(solo, first, TaskStatus.IN_PROGRESS).newLeases()).isEmpty();
    StatusAck opened = report(solo, first, TaskStatus.PR_OPENED);

    // Opening the pull request freed Solo's one slot: the answer carries what filled it, exactly
    // as a poll shows it, and nothing Solo already held.
    assertThat(opened.newLeases()).extracting(LeaseView::taskId).containsExactly(second);
    assertThat(opened.newLeases())
        .isEqualTo(
            as(solo).work().leases().stream().filter(l -> l.taskId().equals(second)).toList());
    assertThat(opened.newLeases().get(0).status()).isEqualTo(TaskStatus.LEASED);

    // Merging frees a review slot, but Solo has no room: nothing granted, nothing listed.
    assertThat(report(solo, first, TaskStatus.MERGED).newLeases()).isEmpty();
    assertThat(statusOf(third)).isEqualTo(TaskStatus.READY);
    assertThat(report(solo, first, TaskStatus.MERGED).newLeases()).isEmpty();
  }

  @Test
  void aMergeThatFreesTheReviewBudgetAnswersWithTheLeaseItGranted() {
    repo("demo", 1, true);
    TaskId first = taskIn(TaskStatus.IN_PROGRESS);
    TaskId second = task(aTask("demo"));

    assertThat(report(alice, first, TaskStatus.PR_OPENED).newLeases()).isEmpty();
    StatusAck merged = report(alice, first, TaskStatus.MERGED);

    assertThat(merged.newLeases()).isEqualTo(as(alice).work().leases());
    assertThat(merged.newLeases()).extracting(LeaseView::taskId).containsExactly(second);
  }

  @Test
  void aCancelledTasksWorkerIsToldItLostTheLease() {
    TaskId id = taskIn(TaskStatus.IN_PROGRESS);
    admin().cancel(id, new Reason("duplicate"));

    assertRefused(
        () -> report(alice, id, TaskStatus.PR_OPENED),
        ProblemType.LEASE_LOST,
        "Lease lost: this worker no longer holds task " + id + ": it was cancelled by an admin");
    assertThat(statusOf(id)).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void reportsKeepWorkingLongAfterTheOriginalLeaseWouldHaveLapsed() {
    TaskId id = taskIn(TaskStatus.IN_PROGRESS);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(25));
      as(alice).updateStatus(id, new StatusUpdate(TaskStatus.IN_PROGRESS, "step " + i, null, null));
      runCycle();
    }

    assertThat(report(alice, id, TaskStatus.PR_OPENED).status()).isEqualTo(TaskStatus.PR_OPENED);
  }
}
