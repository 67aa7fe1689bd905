package dev.owp.poold.task;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.ProblemAssertions.assertRefused;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskUpsert;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.task.UpsertOutcome;
import dev.owp.protocol.worker.RegisteredWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many tasks in one request: all of them or none; a {@code key} makes re-imports update. */
class BulkImportTest extends PooldIntegrationTest {

  @BeforeEach
  void repos() {
    repo("demo", 5, true);
    repo("docs", 5, true);
  }

  @Test
  void everyTaskIsCreatedInRequestOrder() {
    BulkResult result =
        admin()
            .createTasks(
                new BulkTasks(
                    List.of(
                        aTask("demo").titled("one").key("k1").build(),
                        aTask("docs").titled("two").build(),
                        aTask("demo").titled("three").key("k3").build())));

    assertThat(result.ok()).isTrue();
    assertThat(result.created()).isEqualTo(3);
    assertThat(result.updated()).isZero();
    assertThat(result.unchanged()).isZero();
    assertThat(result.results())
        .extracting(TaskUpsert::key, TaskUpsert::outcome)
        .containsExactly(
            tuple("k1", UpsertOutcome.CREATED),
            tuple(null, UpsertOutcome.CREATED),
            tuple("k3", UpsertOutcome.CREATED));
    assertThat(result.results())
        .extracting(r -> view(r.taskId()).title())
        .containsExactly("one", "two", "three");
    assertThat(eventsOfType(EventType.TASK_CREATE)).hasSize(3);
  }

  @Test
  void oneInvalidEntryRejectsTheWholeRequestNamingIt() {
    String before = databaseContents();

    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks/bulk",
                """
                {"tasks": [
                  {"repo": "demo", "title": "fine"},
                  {"repo": "demo", "title": "also fine", "priority": 5},
                  {"repo": "demo", "title": "bad", "estimate_points": 0}
                ]}
                """),
        ProblemType.INVALID_REQUEST,
        "tasks[2]: estimate_points must be between 1 and 100");
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks/bulk",
                "{\"tasks\": [{\"repo\": \"demo\", \"title\": \"ok\"}, {\"repo\": \"demo\"}]}"),
        ProblemType.INVALID_REQUEST,
        "tasks[1]: title is required");
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks/bulk",
                "{\"tasks\": [{\"repo\": \"demo\", \"title\": \"ok\", \"colour\": \"red\"}]}"),
        ProblemType.INVALID_REQUEST,
        "tasks[0]: unknown field 'colour'");

    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void anUnknownRepoInOneEntryCreatesNothing() {
    String before = databaseContents();

    assertRefused(
        () ->
            admin()
                .createTasks(
                    new BulkTasks(
                        List.of(
                            aTask("demo").build(),
                            aTask("docs").build(),
                            aTask("nope").build(),
                            aTask("demo").build()))),
        ProblemType.UNKNOWN_REPO,
        "tasks[2]: Unknown repo: nope");

    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aKeyTwiceInOneRequestIsRefused() {
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks/bulk",
                """
                {"tasks": [
                  {"repo": "demo", "title": "a", "key": "gh-1"},
                  {"repo": "docs", "title": "b", "key": "gh-1"},
                  {"repo": "demo", "title": "c", "key": "gh-1"}
                ]}
                """),
        ProblemType.INVALID_REQUEST,
        "tasks[2].key 'gh-1' appears twice in repo demo");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM task").query(Integer.class).single()).isZero();
  }

  @Test
  void anEmptyOrOversizedRequestIsRefused() {
    assertProblem(
        rawAdmin().post("/v1/admin/tasks/bulk", "{\"tasks\": []}"),
        ProblemType.INVALID_REQUEST,
        "tasks must hold at least one task");
    StringBuilder many = new StringBuilder("{\"tasks\": [");
    for (int i = 0; i <= BulkTasks.MAX_TASKS; i++) {
      many.append(i == 0 ? "" : ",").append("{\"repo\":\"demo\",\"title\":\"t\"}");
    }
    assertProblem(
        rawAdmin().post("/v1/admin/tasks/bulk", many.append("]}").toString()),
        ProblemType.INVALID_REQUEST,
        "tasks must have at most 5000 items");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM task").query(Integer.class).single()).isZero();
  }

  @Test
  void reImportingByKeyUpdatesOrLeavesUnchanged() {
    admin()
        .createTasks(
            new BulkTasks(
                List.of(
                    aTask("demo").titled("one").key("gh-1").priority(10).build(),
                    aTask("demo").titled("two").key("gh-2").build())));

    BulkResult again =
        admin()
            .createTasks(
                new BulkTasks(
                    List.of(
                        aTask("demo").titled("one").key("gh-1").priority(80).build(),
                        aTask("demo").titled("two").key("gh-2").build(),
                        aTask("demo").titled("three").key("gh-3").build(),
                        aTask("docs").titled("one elsewhere").key("gh-1").build())));

    assertThat(again.created()).isEqualTo(2);
    assertThat(again.updated()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.results())
        .extracting(TaskUpsert::outcome)
        .containsExactly(
            UpsertOutcome.UPDATED,
            UpsertOutcome.UNCHANGED,
            UpsertOutcome.CREATED,
            UpsertOutcome.CREATED);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM task").query(Integer.class).single()).isEqualTo(4);
    TaskView updated = view(again.results().get(0).taskId());
    assertThat(updated.priority()).isEqualTo(80);
    List<Map<String, Object>> updates = eventsOfType(EventType.TASK_UPDATE);
    assertThat(updates).hasSize(1);
    assertThat((String) updates.get(0).get("details")).contains("\"changed\":[\"priority\"]");
  }

  @Test
  void theSingleCreateEndpointUpsertsByKeyToo() {
    TaskCreated first = admin().createTask(aTask("demo").titled("a").key("gh-9").build());
    TaskCreated same = admin().createTask(aTask("demo").titled("a").key("gh-9").build());
    TaskCreated changed =
        admin().createTask(aTask("demo").titled("a, renamed").key(" gh-9 ").build());

    assertThat(first.outcome()).isEqualTo(UpsertOutcome.CREATED);
    assertThat(same.outcome()).isEqualTo(UpsertOutcome.UNCHANGED);
    assertThat(same.taskId()).isEqualTo(first.taskId());
    assertThat(changed.outcome()).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(changed.taskId()).isEqualTo(first.taskId());
    assertThat(view(first.taskId()).title()).isEqualTo("a, renamed");
  }

  @Test
  void tasksWithoutKeyAreAlwaysNew() {
    admin().createTask(aTask("demo").titled("same").build());
    admin().createTask(aTask("demo").titled("same").build());

    assertThat(jdbc.sql("SELECT COUNT(*) FROM task").query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void aReadyTaskTakesTheWholeNewDefinition() {
    TaskId id = admin().createTask(aTask("demo").titled("t").key("gh-1").build()).taskId();

    admin().createTask(new TaskSpec("demo", "t2", "d2", 4, 99, List.of("go"), "ui", 2, "gh-1"));

    TaskView task = view(id);
    assertThat(task.title()).isEqualTo("t2");
    assertThat(task.description()).isEqualTo("d2");
    assertThat(task.estimatePoints()).isEqualTo(4);
    assertThat(task.priority()).isEqualTo(99);
    assertThat(task.requiredSkills()).containsExactly("go");
    assertThat(task.area()).isEqualTo("ui");
    assertThat(task.tier()).isEqualTo(2);
  }

  @Test
  void whileATaskIsHeldOnlyTitleDescriptionAndPriorityChange() {
    TaskId id =
        admin()
            .createTask(aTask("demo").titled("t").key("gh-1").estimate(2).inArea("auth").build())
            .taskId();
    RegisteredWorker alice = register("alice", 10, 5);
    beat(alice);
    report(alice, id, TaskStatus.IN_PROGRESS);

    BulkResult result =
        admin()
            .createTasks(
                new BulkTasks(
                    List.of(
                        new TaskSpec(
                            "demo", "t2", "d2", 9, 77, List.of("rust"), "ui", 3, "gh-1"))));

    assertThat(result.updated()).isEqualTo(1);
    TaskView task = view(id);
    assertThat(task.title()).isEqualTo("t2");
    assertThat(task.description()).isEqualTo("d2");
    assertThat(task.priority()).isEqualTo(77);
    assertThat(task.estimatePoints()).isEqualTo(2);
    assertThat(task.requiredSkills()).isEmpty();
    assertThat(task.area()).isEqualTo("auth");
    assertThat(task.tier()).isZero();
    assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(task.workerId()).isEqualTo(alice.workerId());
    assertThat(as(alice).me().usedPoints()).isEqualTo(2);
    assertThat((String) eventsOfType(EventType.TASK_UPDATE).get(0).get("details"))
        .contains(
            "\"kept_while_held\":[\"estimate_points\",\"required_skills\",\"area\",\"tier\"]");
    // Only the held fields differing is no change at all.
    BulkResult heldOnly =
        admin()
            .createTasks(
                new BulkTasks(
                    List.of(
                        new TaskSpec(
                            "demo", "t2", "d2", 5, 77, List.of("rust"), "ui", 3, "gh-1"))));
    assertThat(heldOnly.unchanged()).isEqualTo(1);
  }

  @Test
  void aBulkRequestAllowsAThousandTasks() {
    List<TaskSpec> specs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      specs.add(aTask(i % 2 == 0 ? "demo" : "docs").key("k" + i).build());
    }

    BulkResult result = admin().createTasks(new BulkTasks(specs));

    assertThat(result.created()).isEqualTo(1000);
    assertThat(admin().state().tasksReady()).isEqualTo(1000);
  }
}
