package dev.owp.poold.wire;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.testing.GoldenJson;
import dev.owp.protocol.testing.GoldenRecords;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerView;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * poold speaks v0.1: the same paths, field names, nulls and defaults, so the original CLI works
 * against it unchanged. Answers are compared with the protocol module's golden files where one
 * exists; requests are the golden files (and v0.1 CLI bodies) sent as they are.
 */
class WireCompatibilityTest extends PooldIntegrationTest {

  @Test
  void healthzAnswersOkTrue() {
    RawHttp.Response response = raw().get("/healthz");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    assertThat(response.body()).isEqualToIgnoringWhitespace("{\"ok\":true}");
  }

  @Test
  void theGoldenRegistrationIsAcceptedAndAnsweredWithTheGoldenShape() {
    RawHttp.Response response =
        raw().post("/v1/workers/register", GoldenJson.text("register-request"));

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.propertyNames())
        .containsExactlyInAnyOrderElementsOf(GoldenJson.read("register-response").propertyNames());
    assertThat(body.path("worker_id").isString()).isTrue();
    assertThat(body.path("token").isString()).isTrue();
    WorkerView me = worker(body.path("token").asString()).me();
    assertThat(me.name()).isEqualTo(GoldenRecords.REGISTER_REQUEST.name());
    assertThat(me.githubHandle()).isEqualTo("alice");
    assertThat(me.skills()).containsExactly("java", "docs");
    assertThat(me.capacityPoints()).isEqualTo(5);
    assertThat(me.maxConcurrentTasks()).isEqualTo(2);
  }

  @Test
  void aV01CliRegistrationWithEveryFieldAndNullsIsAccepted() {
    RawHttp.Response response =
        raw()
            .post(
                "/v1/workers/register",
                """
                {"name": "bob", "github_handle": null, "skills": [], "capacity_points": 5,
                 "max_concurrent_tasks": 2}
                """);

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void theHeartbeatAnswerMatchesTheGoldenFile() {
    clock.set(GoldenRecords.SERVER_TIME);
    repo("owner/name", 5, true);
    task(aTask("owner/name"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    task(aTask("owner/name"));

    RawHttp.Response response =
        rawAs(alice.token()).post("/v1/workers/heartbeat", GoldenJson.text("heartbeat-request"));

    assertThat(response.status()).isEqualTo(200);
    GoldenJson.assertJsonMatches(response.body(), "heartbeat-ack");
  }

  @Test
  void aV01HeartbeatWithoutBodyOrWithNullsIsAccepted() {
    RegisteredWorker alice = register("alice", 5, 2);

    assertThat(rawAs(alice.token()).post("/v1/workers/heartbeat", null).status()).isEqualTo(200);
    assertThat(rawAs(alice.token()).post("/v1/workers/heartbeat", "{}").status()).isEqualTo(200);
    RawHttp.Response withNulls =
        rawAs(alice.token())
            .post("/v1/workers/heartbeat", "{\"status\": \"idle\", \"note\": null}");
    assertThat(withNulls.status()).isEqualTo(200);
    assertThat(withNulls.json().path("server_time").asString())
        .isEqualTo("2026-01-17T12:00:00.000+00:00");
  }

  @Test
  void theWorkListMatchesTheGoldenFile() {
    clock.set(GoldenRecords.SERVER_TIME);
    repo("owner/name", 2, true);
    TaskId id =
        task(
            aTask("owner/name")
                .titled("Fix the login redirect")
                .described("Users land on /home instead of the page they asked for.")
                .estimate(2)
                .priority(50)
                .inArea("auth")
                .needing("java"));
    RegisteredWorker alice = register("alice", 5, 2, "java");
    beat(alice);

    RawHttp.Response response = rawAs(alice.token()).get("/v1/work");

    assertThat(response.status()).isEqualTo(200);
    ObjectNode body = (ObjectNode) response.json();
    ObjectNode lease = (ObjectNode) body.path("leases").path(0);
    assertThat(body.path("worker_id").asString()).isEqualTo(alice.workerId().value());
    assertThat(lease.path("task_id").asString()).isEqualTo(id.value());
    assertThat(lease.path("lease_id").asString()).matches("l_[0-9a-f]{16}");
    // Ids are random: put the golden ones in, then the whole document must match.
    body.put("worker_id", GoldenRecords.WORKER.value());
    lease.put("task_id", GoldenRecords.TASK.value());
    lease.put("lease_id", GoldenRecords.LEASE.value());
    GoldenJson.assertJsonMatches(body.toString(), "work-list");
  }

  @Test
  void theWorkListKeepsEveryV01LeaseField() {
    repo("demo", 2, true);
    task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    JsonNode lease = rawAs(alice.token()).get("/v1/work").json().path("leases").path(0);

    assertThat(lease.propertyNames())
        .contains(
            "task_id",
            "repo",
            "title",
            "description",
            "estimate_points",
            "priority",
            "area",
            "tier",
            "required_skills",
            "lease_expires_at");
    // v0.1 clients index these directly: present even when null.
    assertThat(lease.get("description").isNull()).isTrue();
    assertThat(lease.get("area").isNull()).isTrue();
  }

  @Test
  void theGoldenRepoConfigIsAcceptedAndAnsweredAsV01Did() {
    RawHttp.Response response =
        rawAdmin().post("/v1/admin/repos", GoldenJson.text("repo-config-request"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body())
        .isEqualToIgnoringWhitespace("{\"ok\":true,\"repo\":\"owner/name\"}");
    assertThat(admin().repos().repos())
        .singleElement()
        .satisfies(
            repo -> {
              assertThat(repo.maxOpenPrs()).isEqualTo(2);
              assertThat(repo.areaLocksEnabled()).isTrue();
            });
  }

  @Test
  void aRepoWithOnlyItsNameGetsTheV01Defaults() {
    assertThat(rawAdmin().post("/v1/admin/repos", "{\"repo\": \"demo\"}").status()).isEqualTo(200);

    JsonNode repo = rawAdmin().get("/v1/admin/repos").json().path("repos").path(0);
    assertThat(repo.propertyNames())
        .containsExactlyInAnyOrder(
            "repo",
            "max_open_prs",
            "area_locks_enabled",
            "held",
            "open_prs",
            "ready",
            "throttled",
            "created_at");
    assertThat(repo.path("max_open_prs").asInt()).isEqualTo(3);
    assertThat(repo.path("area_locks_enabled").asBoolean()).isTrue();
    assertThat(repo.path("created_at").asString()).isEqualTo("2026-01-17T12:00:00.000+00:00");
  }

  @Test
  void theGoldenTaskIsAcceptedAndAnsweredWithOkAndTaskId() {
    repo("owner/name", 2, true);

    RawHttp.Response response =
        rawAdmin().post("/v1/admin/tasks", GoldenJson.text("task-spec-request"));

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("ok", "task_id", "outcome");
    assertThat(body.path("ok").asBoolean()).isTrue();
    assertThat(body.path("task_id").asString()).matches("t_[0-9a-f]{16}");
    assertThat(body.path("outcome").asString()).isEqualTo("created");
    TaskView task = view(TaskId.of(body.path("task_id").asString()));
    assertThat(task.title()).isEqualTo("Fix the login redirect");
    assertThat(task.requiredSkills()).containsExactly("java", "spring");
    assertThat(task.area()).isEqualTo("auth");
    assertThat(task.tier()).isEqualTo(1);
    assertThat(task.key()).isEqualTo("gh-42");
  }

  @Test
  void aV01TaskWithNullsGetsTheV01Defaults() {
    repo("demo", 2, true);

    RawHttp.Response response =
        rawAdmin()
            .post(
                "/v1/admin/tasks",
                """
                {"repo": "demo", "title": "Docs", "description": null, "estimate_points": null,
                 "priority": null, "required_skills": null, "area": null, "tier": null}
                """);

    assertThat(response.status()).isEqualTo(200);
    TaskView task = view(TaskId.of(response.json().path("task_id").asString()));
    assertThat(task.estimatePoints()).isEqualTo(1);
    assertThat(task.priority()).isEqualTo(10);
    assertThat(task.requiredSkills()).isEmpty();
    assertThat(task.area()).isNull();
    assertThat(task.tier()).isZero();
    assertThat(task.status()).isEqualTo(TaskStatus.READY);
  }

  @Test
  void theGoldenStatusUpdatesAreAccepted() {
    repo("owner/name", 2, true);
    TaskId id = task(aTask("owner/name"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    LeaseView lease = as(alice).work().leases().get(0);
    String withLease =
        GoldenJson.text("status-update-request")
            .replace(GoldenRecords.LEASE.value(), lease.leaseId().value());

    RawHttp.Response opened = rawAs(alice.token()).post("/v1/tasks/" + id + "/status", withLease);

    assertThat(opened.status()).isEqualTo(200);
    // v0.1's three fields, and the leases the report granted (here none: nothing else is ready).
    assertThat(opened.json().propertyNames())
        .containsExactlyInAnyOrder("ok", "status", "lease_expires_at", "new_leases");
    assertThat(opened.json().path("new_leases").isArray()).isTrue();
    assertThat(opened.json().path("new_leases").isEmpty()).isTrue();
    assertThat(opened.json().path("ok").asBoolean()).isTrue();
    assertThat(opened.json().path("status").asString()).isEqualTo("pr_opened");
    assertThat(opened.json().path("lease_expires_at").asString())
        .isEqualTo("2026-01-17T12:30:00.000+00:00");

    RawHttp.Response merged =
        rawAs(alice.token())
            .post("/v1/tasks/" + id + "/status", GoldenJson.text("status-update-request-v01"));

    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.json().path("status").asString()).isEqualTo("merged");
    assertThat(merged.json().get("lease_expires_at").isNull()).isTrue();
    TaskView task = view(id);
    assertThat(task.artifact().prUrl()).isEqualTo(GoldenRecords.PR_URL);
    assertThat(task.artifact().commitSha()).isEqualTo("3f9c0a1b2c3d4e5f3f9c0a1b2c3d4e5f3f9c0a1b");
    assertThat(task.artifact().extra()).containsEntry("ci", "green");
  }

  @Test
  void aV01StatusUpdateWithNullsIsAccepted() {
    repo("demo", 2, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);

    RawHttp.Response response =
        rawAs(alice.token())
            .post(
                "/v1/tasks/" + id + "/status",
                "{\"status\": \"in_progress\", \"message\": null, \"artifact\": null}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("ok").asBoolean()).isTrue();
  }

  @Test
  void theAdminStateMatchesTheGoldenFile() {
    clock.set(GoldenRecords.SERVER_TIME);
    repo("busy", 3, false);
    repo("done", 100, false);
    RegisteredWorker busy = register("busy", 100, 20);
    List<TaskId> finished = List.of(t("done"), t("done"), t("done"), t("done"));
    beat(busy);
    for (TaskId id : finished) {
      report(busy, id, TaskStatus.PR_OPENED);
      report(busy, id, TaskStatus.MERGED);
    }
    List<TaskId> held = List.of(t("busy"), t("busy"), t("busy"));
    beat(busy);
    report(busy, held.get(1), TaskStatus.IN_PROGRESS);
    report(busy, held.get(2), TaskStatus.PR_OPENED);
    for (int i = 0; i < 3; i++) {
      task(aTask("done").needing("cobol"));
    }
    beat(register("idle", 5, 2));
    register("never seen", 5, 2);

    RawHttp.Response response = rawAdmin().get("/v1/admin/state");

    assertThat(response.status()).isEqualTo(200);
    GoldenJson.assertJsonMatches(response.body(), "admin-state");
  }

  @Test
  void adminTaskViewsWriteEveryFieldIncludingNulls() {
    repo("demo", 2, true);
    TaskId id = task(aTask("demo"));

    JsonNode task = rawAdmin().get("/v1/admin/tasks/" + id).json();

    assertThat(task.propertyNames())
        .containsExactlyInAnyOrder(
            "task_id",
            "key",
            "repo",
            "title",
            "description",
            "estimate_points",
            "priority",
            "required_skills",
            "area",
            "tier",
            "status",
            "worker_id",
            "lease_id",
            "leased_at",
            "lease_expires_at",
            "attempt",
            "message",
            "artifact",
            "created_at",
            "updated_at",
            "issue_number",
            "issue_url");
    assertThat(task.get("worker_id").isNull()).isTrue();
    assertThat(task.path("status").asString()).isEqualTo("ready");
  }

  private TaskId t(String repo) {
    return task(aTask(repo));
  }
}
