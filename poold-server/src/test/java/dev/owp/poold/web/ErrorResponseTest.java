package dev.owp.poold.web;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.RegisteredWorker;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every kind of refusal is an RFC 9457 problem with a stable type and a useful detail. */
class ErrorResponseTest extends PooldIntegrationTest {

  private static final String WORKER_ENDPOINTS =
      """
      POST | /v1/workers/heartbeat         | {}
      GET  | /v1/work                      |
      POST | /v1/tasks/t_0000000000000000/status  | {"status": "in_progress"}
      POST | /v1/tasks/t_0000000000000000/release |
      GET  | /v1/workers/me                |
      POST | /v1/workers/pause             |
      POST | /v1/workers/resume            |
      """;

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = WORKER_ENDPOINTS)
  void workerEndpointsWithoutAuthorizationHeaderAnswer401(String method, String path, String body) {
    RawHttp.Response response = raw().send(method, path, body);

    assertProblem(response, ProblemType.UNAUTHENTICATED, "Missing Authorization header");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = WORKER_ENDPOINTS)
  void workerEndpointsWithAnotherSchemeAnswer401(String method, String path, String body) {
    RegisteredWorker alice = register("alice", 5, 2);

    assertProblem(
        raw().header("Authorization", "Basic " + alice.token()).send(method, path, body),
        ProblemType.UNAUTHENTICATED,
        "Expected Bearer token");
    assertProblem(
        raw().header("Authorization", alice.token()).send(method, path, body),
        ProblemType.UNAUTHENTICATED,
        "Expected Bearer token");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = WORKER_ENDPOINTS)
  void workerEndpointsWithAnUnknownTokenAnswer401(String method, String path, String body) {
    register("alice", 5, 2);
    String before = databaseContents();

    assertProblem(
        rawAs("not-a-token-of-this-pool").send(method, path, body),
        ProblemType.UNAUTHENTICATED,
        "Invalid worker token");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void theBearerSchemeIsCaseInsensitiveAndTheTokenTrimmed() {
    RegisteredWorker alice = register("alice", 5, 2);

    RawHttp.Response response =
        raw().header("Authorization", "bEaReR   " + alice.token() + "  ").get("/v1/work");

    assertThat(response.status()).isEqualTo(200);
  }

  private static final String ADMIN_ENDPOINTS =
      """
      POST   | /v1/admin/repos                              | {"repo": "demo"}
      GET    | /v1/admin/repos                              |
      POST   | /v1/admin/tasks                              | {"repo": "demo", "title": "t"}
      POST   | /v1/admin/tasks/bulk                         | {"tasks": [{"repo": "demo", "title": "t"}]}
      GET    | /v1/admin/tasks                              |
      GET    | /v1/admin/tasks/t_0000000000000000           |
      POST   | /v1/admin/tasks/t_0000000000000000/requeue   |
      POST   | /v1/admin/tasks/t_0000000000000000/cancel    |
      GET    | /v1/admin/state                              |
      GET    | /v1/admin/workers                            |
      GET    | /v1/admin/workers/w_0000000000000000         |
      POST   | /v1/admin/workers/w_0000000000000000/pause   |
      POST   | /v1/admin/workers/w_0000000000000000/resume  |
      POST   | /v1/admin/workers/w_0000000000000000/tier    | {"tier": 1}
      DELETE | /v1/admin/workers/w_0000000000000000         |
      GET    | /v1/admin/events                             |
      """;

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = ADMIN_ENDPOINTS)
  void adminEndpointsWithAWrongTokenAnswer401(String method, String path, String body) {
    repo("demo", 2, true);
    String before = databaseContents();

    assertProblem(
        raw().header("X-Admin-Token", "dev-admin").send(method, path, body),
        ProblemType.UNAUTHENTICATED,
        "Invalid admin token");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = ADMIN_ENDPOINTS)
  void adminEndpointsWithoutTheTokenAnswer401(String method, String path, String body) {
    assertProblem(
        raw().send(method, path, body),
        ProblemType.UNAUTHENTICATED,
        "Missing X-Admin-Token header");
  }

  @Test
  void aWorkerTokenIsNoAdminToken() {
    RegisteredWorker alice = register("alice", 5, 2);

    assertProblem(
        raw().header("X-Admin-Token", alice.token()).get("/v1/admin/state"),
        ProblemType.UNAUTHENTICATED,
        "Invalid admin token");
    assertProblem(
        rawAs(alice.token()).get("/v1/admin/state"),
        ProblemType.UNAUTHENTICATED,
        "Missing X-Admin-Token header");
  }

  @Test
  void malformedJsonIsA400SayingWhere() {
    JsonNode body =
        assertProblem(
            raw().post("/v1/workers/register", "{\"name\": \"alice\",,}"),
            ProblemType.MALFORMED_JSON);

    assertThat(body.path("detail").asString()).startsWith("Malformed JSON: ").contains("line 1");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM worker").query(Integer.class).single()).isZero();
  }

  @Test
  void truncatedAndTrailingJsonAreMalformed() {
    assertProblem(raw().post("/v1/workers/register", "{\"name\": "), ProblemType.MALFORMED_JSON);
    RawHttp.Response twoDocuments =
        raw().post("/v1/workers/register", "{\"name\": \"a\"} {\"name\": \"b\"}");
    assertThat(twoDocuments.status()).isEqualTo(400);
    assertThat(twoDocuments.contentType()).startsWith("application/problem+json");
    assertThat(twoDocuments.json().path("type").asString())
        .isIn(
            ProblemType.MALFORMED_JSON.uri().toString(),
            ProblemType.INVALID_REQUEST.uri().toString());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM worker").query(Integer.class).single()).isZero();
  }

  @Test
  void unknownFieldsAreRefusedNotIgnored() {
    repo("demo", 2, true);
    String before = databaseContents();

    assertProblem(
        rawAdmin().post("/v1/admin/tasks", "{\"repo\": \"demo\", \"title\": \"t\", \"prio\": 5}"),
        ProblemType.INVALID_REQUEST,
        "unknown field 'prio'");
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/repos",
                "{\"repo\": \"demo\", \"max_open_prs\": 1, \"area_locks\": false}"),
        ProblemType.INVALID_REQUEST,
        "unknown field 'area_locks'");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void outOfRangeValuesNameTheirField() {
    repo("demo", 2, true);
    String before = databaseContents();

    assertProblem(
        rawAdmin().post("/v1/admin/repos", "{\"repo\": \"demo\", \"max_open_prs\": 101}"),
        ProblemType.INVALID_REQUEST,
        "max_open_prs must be between 0 and 100");
    assertProblem(
        rawAdmin()
            .post("/v1/admin/tasks", "{\"repo\": \"demo\", \"title\": \"t\", \"priority\": 1001}"),
        ProblemType.INVALID_REQUEST,
        "priority must be between 0 and 1000");
    assertProblem(
        rawAdmin().post("/v1/admin/tasks", "{\"repo\": \"demo\", \"title\": \"t\", \"tier\": 4}"),
        ProblemType.INVALID_REQUEST,
        "tier must be between 0 and 3");
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks",
                "{\"repo\": \"demo\", \"title\": \"t\", \"estimate_points\": 0}"),
        ProblemType.INVALID_REQUEST,
        "estimate_points must be between 1 and 100");
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks", "{\"repo\": \"demo\", \"title\": \"" + "t".repeat(301) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "title must be 1 to 300 characters");
    assertProblem(
        rawAdmin()
            .post(
                "/v1/admin/tasks",
                "{\"repo\": \"demo\", \"title\": \"t\", \"area\": \"" + "a".repeat(121) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "area must be 1 to 120 characters");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void nullForANumberIsRefused() {
    repo("demo", 2, true);

    JsonNode body =
        assertProblem(
            rawAdmin().post("/v1/admin/tasks/bulk", "{\"tasks\": null}"),
            ProblemType.INVALID_REQUEST);

    assertThat(body.path("detail").asString()).contains("tasks");
  }

  @Test
  void aMissingBodyIsA400() {
    assertProblem(
        rawAdmin().send("POST", "/v1/admin/repos", null),
        ProblemType.INVALID_REQUEST,
        "A JSON request body is required");
  }

  @Test
  void anUnknownPathIsA404Problem() {
    assertProblem(raw().get("/v1/nope"), ProblemType.NOT_FOUND, "No such endpoint: GET /v1/nope");
    RegisteredWorker alice = register("alice", 5, 2);
    assertProblem(
        rawAs(alice.token()).post("/v1/tasks", "{}"),
        ProblemType.NOT_FOUND,
        "No such endpoint: POST /v1/tasks");
  }

  @Test
  void anUnknownTaskIsA404() {
    RegisteredWorker alice = register("alice", 5, 2);

    assertProblem(
        rawAs(alice.token())
            .post("/v1/tasks/t_0000000000000000/status", "{\"status\": \"in_progress\"}"),
        ProblemType.NOT_FOUND,
        "Task not found");
    assertProblem(
        rawAs(alice.token()).post("/v1/tasks/t_0000000000000000/release", null),
        ProblemType.NOT_FOUND,
        "Task not found");
    assertProblem(
        rawAdmin().get("/v1/admin/tasks/t_0000000000000000"),
        ProblemType.NOT_FOUND,
        "Task not found: t_0000000000000000");
  }

  @Test
  void aMalformedIdInThePathIsA400() {
    RegisteredWorker alice = register("alice", 5, 2);

    JsonNode body =
        assertProblem(
            rawAs(alice.token()).post("/v1/tasks/bad%20id/status", "{\"status\": \"merged\"}"),
            ProblemType.INVALID_REQUEST);

    assertThat(body.path("detail").asString()).contains("task_id");
  }

  @Test
  void aWrongMethodIsA405() {
    RawHttp.Response response = raw().get("/v1/workers/register");

    assertProblem(response, ProblemType.METHOD_NOT_ALLOWED);
    assertThat(response.header("Allow")).contains("POST");
    assertProblem(
        rawAdmin().send("DELETE", "/v1/admin/state", null), ProblemType.METHOD_NOT_ALLOWED);
  }

  @Test
  void aBodyThatIsNotJsonIsA415() {
    RawHttp.Response response =
        raw().header("Content-Type", "text/plain").post("/v1/workers/register", "name=alice");

    assertProblem(response, ProblemType.UNSUPPORTED_MEDIA_TYPE);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM worker").query(Integer.class).single()).isZero();
  }

  @Test
  void aBodyOverOneMebibyteWithContentLengthIsA413() {
    repo("demo", 2, true);
    String before = databaseContents();

    RawHttp.Response response = rawAdmin().post("/v1/admin/tasks", oversizedTask());

    JsonNode body =
        assertProblem(response, ProblemType.PAYLOAD_TOO_LARGE, "Request body is larger than 1 MiB");
    assertThat(body.path("instance").asString()).isEqualTo("/v1/admin/tasks");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aChunkedBodyOverOneMebibyteIsA413() {
    repo("demo", 2, true);
    String before = databaseContents();

    RawHttp.Response response =
        rawAdmin().postChunked("/v1/admin/tasks", oversizedTask().getBytes(StandardCharsets.UTF_8));

    JsonNode body =
        assertProblem(response, ProblemType.PAYLOAD_TOO_LARGE, "Request body is larger than 1 MiB");
    assertThat(body.path("instance").asString()).isEqualTo("/v1/admin/tasks");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aChunkedBodyUnderTheLimitIsAccepted() {
    repo("demo", 2, true);

    RawHttp.Response response =
        rawAdmin()
            .postChunked(
                "/v1/admin/tasks",
                "{\"repo\": \"demo\", \"title\": \"chunked\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(200);
    TaskId id = TaskId.of(response.json().path("task_id").asString());
    assertThat(view(id).title()).isEqualTo("chunked");
  }

  @Test
  void badQueryParametersAreA400NamingTheParameter() {
    assertProblem(
        rawAdmin().get("/v1/admin/tasks?status=bogus"),
        ProblemType.INVALID_REQUEST,
        "status: unknown task status 'bogus'; expected one of ready, leased, in_progress,"
            + " blocked, pr_opened, merged, cancelled");
    assertProblem(
        rawAdmin().get("/v1/admin/events?type=task.exploded"),
        ProblemType.INVALID_REQUEST,
        "type: unknown event type 'task.exploded'");
    assertProblem(rawAdmin().get("/v1/admin/workers?online=maybe"), ProblemType.INVALID_REQUEST);
    assertProblem(rawAdmin().get("/v1/admin/tasks?limit=ten"), ProblemType.INVALID_REQUEST);
  }

  @Test
  void outOfRangePageSizesAreA400() {
    for (String path :
        Arrays.asList(
            "/v1/admin/tasks?limit=0",
            "/v1/admin/tasks?limit=501",
            "/v1/admin/workers?limit=0",
            "/v1/admin/events?limit=501")) {
      assertProblem(
          rawAdmin().get(path), ProblemType.INVALID_REQUEST, "limit must be between 1 and 500");
    }
  }

  @Test
  void aTaskForAnUnknownRepoIsA400InV01Words() {
    String before = databaseContents();

    assertProblem(
        rawAdmin().post("/v1/admin/tasks", "{\"repo\": \"nope\", \"title\": \"t\"}"),
        ProblemType.UNKNOWN_REPO,
        "Unknown repo: nope");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aRefusedStatusUpdateChangesNothing() {
    repo("demo", 2, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    String before = databaseContents();

    assertProblem(
        rawAs(alice.token()).post("/v1/tasks/" + id + "/status", "{\"status\": \"merged\"}"),
        ProblemType.ILLEGAL_TRANSITION);
    assertProblem(
        rawAs(alice.token()).post("/v1/tasks/" + id + "/status", "{\"status\": \"ready\"}"),
        ProblemType.INVALID_REQUEST,
        "status must be one of in_progress, blocked, pr_opened, merged (got ready)");
    assertProblem(
        rawAs(alice.token())
            .post(
                "/v1/tasks/" + id + "/status",
                "{\"status\": \"pr_opened\", \"artifact\": {\"pr_url\": \"ftp://x/1\"}}"),
        ProblemType.INVALID_REQUEST,
        "artifact: pr_url must be an http(s) URL: 'ftp://x/1'");
    assertProblem(
        rawAs(alice.token())
            .post(
                "/v1/tasks/" + id + "/status",
                "{\"status\": \"blocked\", \"message\": \"" + "m".repeat(4001) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "message must be at most 4000 characters");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void aNulCharacterInAnyTextIsA400OnEveryDatabase() {
    repo("demo", 2, true);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    beat(alice);
    String before = databaseContents();

    assertProblem(
        raw().post("/v1/workers/register", "{\"name\": \"a\\u0000b\"}"),
        ProblemType.INVALID_REQUEST,
        "name must not contain control characters (found U+0000)");
    assertProblem(
        raw().post("/v1/workers/register", "{\"name\": \"a\", \"skills\": [\"py\\u0000\"]}"),
        ProblemType.INVALID_REQUEST,
        "skills entries must not contain control characters (found U+0000)");
    assertProblem(
        rawAs(alice.token()).post("/v1/workers/heartbeat", "{\"note\": \"stuck\\u0000\"}"),
        ProblemType.INVALID_REQUEST,
        "note must not contain control characters (found U+0000)");
    assertProblem(
        rawAdmin().post("/v1/admin/tasks", "{\"repo\": \"demo\", \"title\": \"a\\u0000b\"}"),
        ProblemType.INVALID_REQUEST,
        "title must not contain control characters (found U+0000)");
    assertProblem(
        rawAs(alice.token())
            .post(
                "/v1/tasks/" + id + "/status",
                "{\"status\": \"blocked\", \"message\": \"\\u0000\"}"),
        ProblemType.INVALID_REQUEST,
        "message must not contain control characters (found U+0000)");
    JsonNode extra =
        assertProblem(
            rawAs(alice.token())
                .post(
                    "/v1/tasks/" + id + "/status",
                    "{\"status\": \"blocked\", \"artifact\": {\"extra\": {\"ci\": \"\\u0000\"}}}"),
            ProblemType.INVALID_REQUEST);
    assertThat(extra.path("detail").asString())
        .contains("extra.ci must not contain control characters (found U+0000)");
    assertProblem(
        rawAdmin().get("/v1/admin/tasks?repo=de%00mo"),
        ProblemType.INVALID_REQUEST,
        "repo must not contain control characters (found U+0000)");
    assertProblem(
        rawAdmin().get("/v1/admin/events?repo=de%00mo"),
        ProblemType.INVALID_REQUEST,
        "repo must not contain control characters (found U+0000)");
    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void otherControlCharactersAreRefusedButTabsAndLineBreaksAreText() {
    repo("demo", 2, true);

    assertProblem(
        rawAdmin().post("/v1/admin/tasks", "{\"repo\": \"demo\", \"title\": \"t\\u001b[31m\"}"),
        ProblemType.INVALID_REQUEST,
        "title must not contain control characters (found U+001B)");
    RawHttp.Response accepted =
        rawAdmin()
            .post(
                "/v1/admin/tasks",
                "{\"repo\": \"demo\", \"title\": \"t\", \"description\": \"a\\tb\\r\\nc\"}");

    assertThat(accepted.status()).isEqualTo(200);
    assertThat(view(TaskId.of(accepted.json().path("task_id").asString())).description())
        .isEqualTo("a\tb\r\nc");
  }

  private static String oversizedTask() {
    return "{\"repo\": \"demo\", \"title\": \"big\", \"description\": \""
        + "x".repeat(1024 * 1024)
        + "\"}";
  }
}
