package dev.owp.protocol.client;

import static dev.owp.protocol.testing.GoldenRecords.ADMIN_STATE;
import static dev.owp.protocol.testing.GoldenRecords.REPO_CONFIG_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.TASK;
import static dev.owp.protocol.testing.GoldenRecords.TASK_SPEC_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import dev.owp.protocol.repo.RepoSaved;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskUpsert;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.task.UpsertOutcome;
import dev.owp.protocol.testing.GoldenJson;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerPage;
import dev.owp.protocol.worker.WorkerQuery;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class OwpAdminClientTest {

  private static final String ADMIN_TOKEN = "adm_secret-1";
  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);
  private static final WorkerId WORKER = WorkerId.of("w_1");

  private final FakePoold poold = FakePoold.start();
  private final OwpAdminClient admin =
      clientOf(poold.uri()).workerToken("tok_worker").adminToken(ADMIN_TOKEN).build().admin();

  /** A builder of the client under test: over the JDK's HTTP client unless a subclass says. */
  OwpClient.Builder clientOf(URI server) {
    return OwpClient.builder(server);
  }

  @AfterEach
  void stopPoold() {
    poold.close();
  }

  private static TaskView taskView(TaskStatus status) {
    return new TaskView(
        TASK,
        "gh-42",
        "owner/name",
        "Fix the login redirect",
        null,
        2,
        50,
        List.of("java"),
        "auth",
        0,
        status,
        null,
        null,
        null,
        null,
        1,
        "requeued by admin",
        Artifact.ofPullRequest("https://github.com/owner/name/pull/42"),
        Instant.parse("2026-01-17T10:00:00Z"),
        Instant.parse("2026-01-17T12:00:00Z"));
  }

  private static WorkerView workerView(int tier) {
    return new WorkerView(
        WORKER,
        "laptop",
        null,
        List.of(),
        5,
        2,
        WorkerStatus.IDLE,
        null,
        tier,
        false,
        null,
        0,
        0,
        0,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void adminCallsSendTheAdminTokenAndNoBearerToken() {
    poold.answer("GET", "/v1/admin/state", 200, GoldenJson.text("admin-state"));

    assertThat(admin.state()).isEqualTo(ADMIN_STATE);

    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.header("X-Admin-Token")).isEqualTo(ADMIN_TOKEN);
    assertThat(request.header("Authorization")).isNull();
  }

  @Test
  void upsertRepoPostsTheRepoConfig() {
    poold.answer("POST", "/v1/admin/repos", 200, "{\"ok\":true,\"repo\":\"owner/name\"}");

    assertThat(admin.upsertRepo(REPO_CONFIG_REQUEST)).isEqualTo(new RepoSaved(true, "owner/name"));

    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    GoldenJson.assertJsonMatches(request.body(), "repo-config-request");
  }

  @Test
  void createTaskPostsTheTaskSpec() {
    poold.answer(
        "POST",
        "/v1/admin/tasks",
        200,
        "{\"ok\":true,\"task_id\":\"" + TASK + "\",\"outcome\":\"created\"}");

    assertThat(admin.createTask(TASK_SPEC_REQUEST))
        .isEqualTo(new TaskCreated(true, TASK, UpsertOutcome.CREATED));
    GoldenJson.assertJsonMatches(poold.onlyRequest().body(), "task-spec-request");
  }

  @Test
  void createTasksPostsTheBulkRequest() {
    poold.answer(
        "POST",
        "/v1/admin/tasks/bulk",
        200,
        "{\"ok\":true,\"created\":0,\"updated\":1,\"unchanged\":0,"
            + "\"results\":[{\"task_id\":\""
            + TASK
            + "\",\"key\":\"gh-42\",\"outcome\":\"updated\"}]}");

    BulkResult result = admin.createTasks(new BulkTasks(List.of(TASK_SPEC_REQUEST)));

    assertThat(result)
        .isEqualTo(BulkResult.of(List.of(new TaskUpsert(TASK, "gh-42", UpsertOutcome.UPDATED))));
    assertThat(JSON.readTree(poold.onlyRequest().body()).get("tasks").get(0))
        .isEqualTo(GoldenJson.read("task-spec-request"));
  }

  static Stream<Arguments> listCalls() {
    return Stream.of(
        Arguments.of(
            "all tasks",
            (Consumer<OwpAdminClient>) a -> a.tasks(TaskQuery.all()),
            "/v1/admin/tasks",
            List.of("limit=100")),
        Arguments.of(
            "filtered tasks, next page",
            (Consumer<OwpAdminClient>)
                a -> a.tasks(new TaskQuery("owner/name", TaskStatus.PR_OPENED, 50, "c+1 /2&x=y")),
            "/v1/admin/tasks",
            List.of("repo=owner/name", "status=pr_opened", "limit=50", "cursor=c+1 /2&x=y")),
        Arguments.of(
            "all workers",
            (Consumer<OwpAdminClient>) a -> a.workers(WorkerQuery.all()),
            "/v1/admin/workers",
            List.of("limit=100")),
        Arguments.of(
            "online workers",
            (Consumer<OwpAdminClient>) a -> a.workers(new WorkerQuery(true, 10, "w9")),
            "/v1/admin/workers",
            List.of("online=true", "limit=10", "cursor=w9")),
        Arguments.of(
            "task history",
            (Consumer<OwpAdminClient>) a -> a.events(EventQuery.ofTask(TaskId.of("t_1"))),
            "/v1/admin/events",
            List.of("task_id=t_1", "limit=500")),
        Arguments.of(
            "every filter of the audit log",
            (Consumer<OwpAdminClient>)
                a ->
                    a.events(
                        new EventQuery(
                            TaskId.of("t_1"), WORKER, "demo", EventType.TASK_LEASED, 20, "e9")),
            "/v1/admin/events",
            List.of(
                "task_id=t_1",
                "worker_id=w_1",
                "repo=demo",
                "type=task.leased",
                "limit=20",
                "cursor=e9")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listCalls")
  void listCallsPutTheirFiltersInTheQueryString(
      String name, Consumer<OwpAdminClient> call, String path, List<String> parameters) {
    poold.answer("GET", "/v1/admin/tasks", 200, "{\"tasks\":[],\"next_cursor\":null}");
    poold.answer("GET", "/v1/admin/workers", 200, "{\"workers\":[],\"next_cursor\":null}");
    poold.answer("GET", "/v1/admin/events", 200, "{\"events\":[],\"next_cursor\":null}");

    call.accept(admin);

    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo(path);
    assertThat(request.queryParameters()).containsExactlyElementsOf(parameters);
    assertThat(request.header("X-Admin-Token")).isEqualTo(ADMIN_TOKEN);
  }

  @Test
  void pagesAreReadWithTheirCursor() {
    poold.answer(
        "GET",
        "/v1/admin/tasks",
        200,
        "{\"tasks\":["
            + JSON.writeValueAsString(taskView(TaskStatus.READY))
            + "],\"next_cursor\":\"c2\"}");
    poold.answer("GET", "/v1/admin/workers", 200, "{\"workers\":[],\"next_cursor\":null}");
    poold.answer("GET", "/v1/admin/events", 200, "{\"events\":[],\"next_cursor\":null}");

    assertThat(admin.tasks(TaskQuery.all()))
        .isEqualTo(new TaskPage(List.of(taskView(TaskStatus.READY)), "c2"));
    assertThat(admin.workers(WorkerQuery.all())).isEqualTo(new WorkerPage(List.of(), null));
    assertThat(admin.events(EventQuery.recent())).isEqualTo(new EventPage(List.of(), null));
  }

  @Test
  void taskRequeueAndCancelUseTheTasksAdminPath() {
    poold.answer(
        "GET",
        "/v1/admin/tasks/" + TASK,
        200,
        JSON.writeValueAsString(taskView(TaskStatus.BLOCKED)));
    poold.answer(
        "POST",
        "/v1/admin/tasks/" + TASK + "/requeue",
        200,
        JSON.writeValueAsString(taskView(TaskStatus.READY)));
    poold.answer(
        "POST",
        "/v1/admin/tasks/" + TASK + "/cancel",
        200,
        JSON.writeValueAsString(taskView(TaskStatus.CANCELLED)));

    assertThat(admin.task(TASK)).isEqualTo(taskView(TaskStatus.BLOCKED));
    assertThat(admin.requeue(TASK, Reason.of("stuck")).status()).isEqualTo(TaskStatus.READY);
    assertThat(admin.cancel(TASK, Reason.NONE).status()).isEqualTo(TaskStatus.CANCELLED);

    List<FakePoold.Request> requests = poold.requests();
    assertThat(requests)
        .extracting(FakePoold.Request::method)
        .containsExactly("GET", "POST", "POST");
    assertThat(JSON.readTree(requests.get(1).body()))
        .isEqualTo(JSON.readTree("{\"reason\":\"stuck\"}"));
    assertThat(JSON.readTree(requests.get(2).body())).isEqualTo(JSON.readTree("{\"reason\":null}"));
  }

  @Test
  void workerAdministrationUsesTheWorkersAdminPath() {
    String path = "/v1/admin/workers/" + WORKER;
    poold.answer("GET", path, 200, JSON.writeValueAsString(workerView(0)));
    poold.answer("POST", path + "/pause", 200, JSON.writeValueAsString(workerView(0)));
    poold.answer("POST", path + "/resume", 200, JSON.writeValueAsString(workerView(0)));
    poold.answer("POST", path + "/tier", 200, JSON.writeValueAsString(workerView(2)));
    poold.answer("DELETE", path, 200, JSON.writeValueAsString(workerView(2)));

    assertThat(admin.worker(WORKER)).isEqualTo(workerView(0));
    admin.pauseWorker(WORKER, Reason.of("spamming"));
    admin.resumeWorker(WORKER);
    assertThat(admin.setTier(WORKER, TierChange.of(2, "trusted")).trustTier()).isEqualTo(2);
    admin.removeWorker(WORKER, Reason.of("left"));

    List<FakePoold.Request> requests = poold.requests();
    assertThat(requests)
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "GET " + path,
            "POST " + path + "/pause",
            "POST " + path + "/resume",
            "POST " + path + "/tier",
            "DELETE " + path);
    assertThat(JSON.readTree(requests.get(1).body()))
        .isEqualTo(JSON.readTree("{\"reason\":\"spamming\"}"));
    assertThat(JSON.readTree(requests.get(3).body()))
        .isEqualTo(JSON.readTree("{\"tier\":2,\"reason\":\"trusted\"}"));
    assertThat(JSON.readTree(requests.get(4).body()))
        .isEqualTo(JSON.readTree("{\"reason\":\"left\"}"));
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.header("X-Admin-Token")).isEqualTo(ADMIN_TOKEN));
  }
}
