package dev.owp.poold.worker;

import static dev.owp.poold.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class RegistrationTest extends PooldIntegrationTest {

  @Test
  void registrationAnswers200WithTheWorkerIdAndAToken() {
    RawHttp.Response response =
        raw().post("/v1/workers/register", "{\"name\": \"alice-laptop\", \"skills\": [\"java\"]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("worker_id", "token");
    assertThat(body.path("worker_id").asString()).matches("w_[0-9a-f]{16}");
    // 256 random bits, URL-safe base64 without padding: 43 characters.
    assertThat(body.path("token").asString()).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void onlyTheHashOfTheTokenIsStored() throws Exception {
    RegisteredWorker alice = register("alice", 5, 2);

    String stored =
        jdbc.sql("SELECT token_hash FROM worker WHERE worker_id = :id")
            .param("id", alice.workerId().value())
            .query(String.class)
            .single();
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(alice.token().getBytes(StandardCharsets.UTF_8)));
    assertThat(stored).isEqualTo(sha256);
    assertThat(databaseContents()).doesNotContain(alice.token());
  }

  @Test
  void everyRegistrationGetsItsOwnIdAndToken() {
    RegisteredWorker first = register("same name", 5, 2);
    RegisteredWorker second = register("same name", 5, 2);

    assertThat(second.workerId()).isNotEqualTo(first.workerId());
    assertThat(second.token()).isNotEqualTo(first.token());
    assertThat(as(first).me().workerId()).isEqualTo(first.workerId());
    assertThat(as(second).me().workerId()).isEqualTo(second.workerId());
  }

  @Test
  void omittedFieldsTakeTheV01Defaults() {
    RawHttp.Response response = raw().post("/v1/workers/register", "{\"name\": \"bob\"}");
    String token = response.json().path("token").asString();

    WorkerView me = worker(token).me();
    assertThat(me.name()).isEqualTo("bob");
    assertThat(me.githubHandle()).isNull();
    assertThat(me.skills()).isEmpty();
    assertThat(me.capacityPoints()).isEqualTo(WorkerRegistration.DEFAULT_CAPACITY_POINTS);
    assertThat(me.maxConcurrentTasks()).isEqualTo(WorkerRegistration.DEFAULT_MAX_CONCURRENT_TASKS);
    assertThat(me.capacityPoints()).isEqualTo(5);
    assertThat(me.maxConcurrentTasks()).isEqualTo(2);
    assertThat(me.trustTier()).isZero();
    assertThat(me.status()).isEqualTo(WorkerStatus.IDLE);
    assertThat(me.pausedBy()).isNull();
    assertThat(me.online()).isFalse();
    assertThat(me.lastHeartbeat()).isNull();
  }

  @Test
  void skillsAndHandleAreNormalised() {
    RegisteredWorker carol =
        anonymous()
            .register(
                WorkerRegistration.of(
                    "  carol  ", "@carol-gh", List.of(" Python ", "DOCS", "python", " "), 7, 3));

    WorkerView me = as(carol).me();
    assertThat(me.name()).isEqualTo("carol");
    assertThat(me.githubHandle()).isEqualTo("carol-gh");
    assertThat(me.skills()).containsExactly("python", "docs");
    assertThat(me.capacityPoints()).isEqualTo(7);
    assertThat(me.maxConcurrentTasks()).isEqualTo(3);
  }

  @Test
  void registrationIsLoggedWithoutTheToken() {
    RegisteredWorker dave = register("dave", 4, 1, "go");

    List<Map<String, Object>> events = eventsOfType(EventType.WORKER_REGISTER);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("worker_id")).isEqualTo(dave.workerId().value());
    assertThat((String) events.get(0).get("details"))
        .contains("\"name\":\"dave\"", "\"capacity_points\":4", "\"max_concurrent_tasks\":1")
        .doesNotContain(dave.token());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                                    | name is required",
        "{\"name\": \"\"}                                      | name must be 1 to 120 characters",
        "{\"name\": \"   \"}                                   | name must be 1 to 120 characters",
        "{\"name\": \"a\", \"capacity_points\": 0}             | capacity_points must be between 1 and 100",
        "{\"name\": \"a\", \"capacity_points\": 101}           | capacity_points must be between 1 and 100",
        "{\"name\": \"a\", \"max_concurrent_tasks\": 0}        | max_concurrent_tasks must be between 1 and 20",
        "{\"name\": \"a\", \"max_concurrent_tasks\": 21}       | max_concurrent_tasks must be between 1 and 20",
        "{\"name\": \"a\", \"github_handle\": \"no spaces\"}   | github_handle must be a GitHub login (letters, digits and -, at most 39)",
        "{\"name\": \"a\", \"colour\": \"blue\"}               | unknown field 'colour'",
      })
  void invalidRegistrationsAreRefusedNamingTheField(String body, String detail) {
    String before = databaseContents();

    assertProblem(raw().post("/v1/workers/register", body), ProblemType.INVALID_REQUEST, detail);

    assertThat(databaseContents()).isEqualTo(before);
  }

  @Test
  void overlongNamesAndSkillListsAreRefused() {
    assertProblem(
        raw().post("/v1/workers/register", "{\"name\": \"" + "n".repeat(121) + "\"}"),
        ProblemType.INVALID_REQUEST,
        "name must be 1 to 120 characters");
    StringBuilder skills = new StringBuilder("[");
    for (int i = 0; i < 51; i++) {
      skills.append(i == 0 ? "" : ",").append("\"s").append(i).append('"');
    }
    assertProblem(
        raw().post("/v1/workers/register", "{\"name\": \"a\", \"skills\": " + skills + "]}"),
        ProblemType.INVALID_REQUEST,
        "skills must have at most 50 items");
    assertProblem(
        raw()
            .post(
                "/v1/workers/register",
                "{\"name\": \"a\", \"skills\": [\"" + "x".repeat(51) + "\"]}"),
        ProblemType.INVALID_REQUEST);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM worker").query(Integer.class).single()).isZero();
  }

  @Test
  void aNumberGivenAsTextIsRefusedNamingTheField() {
    var body =
        assertProblem(
            raw().post("/v1/workers/register", "{\"name\": \"a\", \"capacity_points\": \"five\"}"),
            ProblemType.INVALID_REQUEST);

    assertThat(body.path("detail").asString()).startsWith("capacity_points");
  }

  @Test
  void theWorkerSeesItselfButNotItsToken() {
    RegisteredWorker erin = register("erin", 3, 1, "rust");

    RawHttp.Response me = rawAs(erin.token()).get("/v1/workers/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("worker_id").asString()).isEqualTo(erin.workerId().value());
    assertThat(me.body()).doesNotContain(erin.token()).doesNotContain("token_hash");
  }
}
