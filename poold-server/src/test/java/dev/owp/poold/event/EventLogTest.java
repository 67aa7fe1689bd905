package dev.owp.poold.event;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log: every change with its actor, time and reason, newest first, keyset-paged. */
class EventLogTest extends PooldIntegrationTest {

  @Test
  void aTasksLifeIsLoggedInOrderWithActorsAndReasons() {
    repo("demo", 2, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    clock.advance(Duration.ofMinutes(1));
    report(alice, id, TaskStatus.IN_PROGRESS);
    as(alice)
        .updateStatus(
            id,
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                "ready for review",
                Artifact.ofPullRequest("https://github.com/o/r/pull/5"),
                null));
    report(alice, id, TaskStatus.MERGED);

    List<EventView> history = oldestFirst(admin().events(EventQuery.ofTask(id)));

    assertThat(history)
        .extracting(EventView::type, EventView::actorWorkerId, EventView::repo)
        .containsExactly(
            tuple(EventType.TASK_CREATE, null, "demo"),
            tuple(EventType.TASK_LEASED, alice.workerId(), "demo"),
            tuple(EventType.TASK_STATUS, alice.workerId(), "demo"),
            tuple(EventType.TASK_STATUS, alice.workerId(), "demo"),
            tuple(EventType.TASK_STATUS, alice.workerId(), "demo"));
    assertThat(history.get(1).details()).containsKeys("lease_id", "lease_expires_at");
    assertThat(history.get(3).details())
        .containsEntry("from", "in_progress")
        .containsEntry("status", "pr_opened")
        .containsEntry("message", "ready for review");
    assertThat(history.get(0).ts()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
    assertThat(history.get(4).ts()).isEqualTo(clock.instant());
  }

  @Test
  void workerAndRepoChangesAreLogged() {
    repo("demo", 2, true);
    repo("demo", 3, false);
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    admin().pauseWorker(alice.workerId(), new Reason("why not"));
    admin().resumeWorker(alice.workerId());

    List<EventView> events = oldestFirst(admin().events(EventQuery.recent()));

    assertThat(events)
        .extracting(EventView::type)
        .containsExactly(
            EventType.REPO_UPSERT,
            EventType.REPO_UPSERT,
            EventType.WORKER_REGISTER,
            EventType.WORKER_ONLINE,
            EventType.WORKER_PAUSED,
            EventType.WORKER_RESUMED);
    assertThat(events.get(0).details()).containsEntry("created", true);
    assertThat(events.get(1).details())
        .containsEntry("created", false)
        .containsEntry("max_open_prs", 3)
        .containsEntry("area_locks_enabled", false);
    assertThat(events.get(4).details())
        .containsEntry("by", "admin")
        .containsEntry("reason", "why not");
  }

  @Test
  void heartbeatsDoNotFloodTheLog() {
    RegisteredWorker alice = register("alice", 5, 2);

    for (int i = 0; i < 20; i++) {
      beat(alice);
      clock.advance(Duration.ofSeconds(5));
    }

    assertThat(admin().events(EventQuery.recent()).events())
        .extracting(EventView::type)
        .containsExactly(EventType.WORKER_ONLINE, EventType.WORKER_REGISTER);
  }

  @Test
  void eventsArePagedNewestFirstWithACursor() {
    repo("demo", 2, true);
    for (int i = 0; i < 7; i++) {
      task(aTask("demo"));
    }
    List<Long> seen = new ArrayList<>();
    EventQuery query = new EventQuery(null, null, null, EventType.TASK_CREATE, 3, null);

    EventPage page = admin().events(query);
    int pages = 1;
    page.events().forEach(e -> seen.add(e.id()));
    task(aTask("demo")); // newer events do not disturb the pages after
    while (page.nextCursor() != null) {
      page = admin().events(query.after(page.nextCursor()));
      page.events().forEach(e -> seen.add(e.id()));
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(7).isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void eventsAreFilteredByTaskWorkerRepoAndType() {
    repo("a", 5, false);
    repo("b", 5, false);
    TaskId inA = task(aTask("a"));
    TaskId inB = task(aTask("b"));
    RegisteredWorker alice = register("alice", 5, 1);
    RegisteredWorker bob = register("bob", 5, 1);
    beat(alice);
    beat(bob);

    assertThat(admin().events(new EventQuery(null, null, "b", null, 100, null)).events())
        .extracting(EventView::type)
        .containsExactly(EventType.TASK_LEASED, EventType.TASK_CREATE, EventType.REPO_UPSERT);
    assertThat(
            admin()
                .events(new EventQuery(null, null, null, EventType.TASK_LEASED, 100, null))
                .events())
        .extracting(EventView::taskId)
        .containsExactlyInAnyOrder(inA, inB);
    assertThat(admin().events(new EventQuery(null, bob.workerId(), null, null, 100, null)).events())
        .extracting(EventView::type)
        .containsExactly(EventType.TASK_LEASED, EventType.WORKER_ONLINE, EventType.WORKER_REGISTER);
    assertThat(admin().events(new EventQuery(inA, null, null, null, 100, null)).events())
        .allSatisfy(event -> assertThat(event.taskId()).isEqualTo(inA))
        .hasSize(2);
    assertThat(
            rawAdmin()
                .get("/v1/admin/events?type=task.leased&worker_id=" + alice.workerId())
                .json()
                .path("events")
                .size())
        .isEqualTo(1);
  }

  @Test
  void aBadCursorOrFilterIs400() {
    assertProblem(
        rawAdmin().get("/v1/admin/events?cursor=xyz"),
        ProblemType.INVALID_REQUEST,
        "cursor: not a cursor this server gave out");
    assertProblem(
        rawAdmin().get("/v1/admin/events?task_id=not%20an%20id"), ProblemType.INVALID_REQUEST);
    assertProblem(
        rawAdmin().get("/v1/admin/events?limit=0"),
        ProblemType.INVALID_REQUEST,
        "limit must be between 1 and 500");
  }

  @Test
  void eventsOlderThanTheRetentionArePrunedByTheCycle() {
    repo("old", 2, true);
    clock.advance(Duration.ofDays(60));
    repo("recent", 2, true);
    clock.advance(Duration.ofDays(31));

    assertThat(runCycle().eventsPruned()).isEqualTo(1);

    assertThat(admin().events(EventQuery.recent()).events())
        .extracting(EventView::repo)
        .containsExactly("recent");
  }

  @Test
  void theWireFormOfAnEventUsesSnakeCase() {
    repo("demo", 2, true);

    var event = rawAdmin().get("/v1/admin/events").json().path("events").path(0);

    assertThat(event.propertyNames())
        .containsExactlyInAnyOrder(
            "id", "ts", "type", "actor_worker_id", "repo", "task_id", "details");
    assertThat(event.path("type").asString()).isEqualTo("repo.upsert");
    assertThat(event.path("ts").asString()).isEqualTo("2026-01-17T12:00:00.000+00:00");
    assertThat(rawAdmin().get("/v1/admin/events").json().has("next_cursor")).isTrue();
  }

  private static List<EventView> oldestFirst(EventPage page) {
    List<EventView> events = new ArrayList<>(page.events());
    Collections.reverse(events);
    return events;
  }
}
