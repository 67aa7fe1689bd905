package dev.owp.protocol.client;

import static dev.owp.protocol.testing.GoldenRecords.HEARTBEAT_ACK;
import static dev.owp.protocol.testing.GoldenRecords.HEARTBEAT_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.LEASE;
import static dev.owp.protocol.testing.GoldenRecords.REGISTER_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.REGISTER_RESPONSE;
import static dev.owp.protocol.testing.GoldenRecords.TASK;
import static dev.owp.protocol.testing.GoldenRecords.WORK_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.testing.GoldenJson;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class OwpClientTest {

  private static final String TOKEN = "tok_worker-123";
  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  private final FakePoold poold = FakePoold.start();
  private final OwpClient client = clientOf(poold.uri()).workerToken(TOKEN).build();

  /** A builder of the client under test: over the JDK's HTTP client unless a subclass says. */
  OwpClient.Builder clientOf(URI server) {
    return OwpClient.builder(server);
  }

  @AfterEach
  void stopPoold() {
    poold.close();
  }

  private static WorkerView workerView(PausedBy pausedBy) {
    return new WorkerView(
        WorkerId.of("w_1"),
        "laptop",
        "alice",
        List.of("java"),
        5,
        2,
        WorkerStatus.IDLE,
        pausedBy,
        0,
        true,
        Instant.parse("2026-01-17T12:00:00Z"),
        0,
        0,
        0,
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Test
  void healthyAsksHealthzWithoutAToken() {
    poold.answer("GET", "/healthz", 200, "{\"ok\":true}");

    assertThat(client.healthy()).isTrue();
    assertThat(poold.onlyRequest().header("Authorization")).isNull();
  }

  @Test
  void registerPostsTheRegistrationWithoutAToken() {
    poold.answer("POST", "/v1/workers/register", 200, GoldenJson.text("register-response"));

    assertThat(clientOf(poold.uri()).build().register(REGISTER_REQUEST))
        .isEqualTo(REGISTER_RESPONSE);

    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/workers/register");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    GoldenJson.assertJsonMatches(request.body(), "register-request");
  }

  @Test
  void heartbeatSendsTheWorkersBearerToken() {
    poold.answer("POST", "/v1/workers/heartbeat", 200, GoldenJson.text("heartbeat-ack"));

    assertThat(client.heartbeat(HEARTBEAT_REQUEST)).isEqualTo(HEARTBEAT_ACK);

    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/workers/heartbeat");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.header("X-Admin-Token")).isNull();
    GoldenJson.assertJsonMatches(request.body(), "heartbeat-request");
  }

  @Test
  void everyRequestAsksForJsonAndNamesTheClient() {
    poold.answer("POST", "/v1/workers/heartbeat", 200, GoldenJson.text("heartbeat-ack"));

    client.heartbeat(HEARTBEAT_REQUEST);

    assertThat(poold.onlyRequest().header("Accept")).isEqualTo("application/json");
    assertThat(poold.onlyRequest().header("User-Agent"))
        .isEqualTo("owp-client/" + OwpClient.VERSION);
  }

  @Test
  void workIsAGetWithoutABody() {
    poold.answer("GET", "/v1/work", 200, GoldenJson.text("work-list"));

    assertThat(client.work()).isEqualTo(WORK_LIST);

    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawQuery()).isNull();
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.header("Content-Type")).isNull();
    assertThat(request.body()).isEmpty();
  }

  @Test
  void updateStatusPostsToTheTasksStatusPath() {
    poold.answer(
        "POST",
        "/v1/tasks/" + TASK + "/status",
        200,
        "{\"ok\":true,\"status\":\"in_progress\",\"lease_expires_at\":\"2026-01-17T13:00:00.000+00:00\"}");

    StatusAck ack =
        client.updateStatus(TASK, StatusUpdate.of(TaskStatus.IN_PROGRESS, "started", null, LEASE));

    assertThat(ack)
        .isEqualTo(
            new StatusAck(true, TaskStatus.IN_PROGRESS, Instant.parse("2026-01-17T13:00:00Z")));
    FakePoold.Request request = poold.onlyRequest();
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"status\":\"in_progress\",\"message\":\"started\",\"artifact\":null,"
                    + "\"lease_id\":\""
                    + LEASE
                    + "\"}"));
  }

  @Test
  void releaseSendsTheReason() {
    poold.answer(
        "POST",
        "/v1/tasks/" + TASK + "/release",
        200,
        "{\"ok\":true,\"status\":\"ready\",\"lease_expires_at\":null}");

    StatusAck ack = client.release(TASK, Reason.of("going offline"));

    assertThat(ack).isEqualTo(new StatusAck(true, TaskStatus.READY, null));
    assertThat(JSON.readTree(poold.onlyRequest().body()))
        .isEqualTo(JSON.readTree("{\"reason\":\"going offline\"}"));
  }

  @Test
  void taskIdsWithReservedCharactersReachTheServerIntact() {
    TaskId id = TaskId.of("gh:owner.name_42");
    poold.answer(
        "POST",
        "/v1/tasks/gh:owner.name_42/release",
        200,
        "{\"ok\":true,\"status\":\"ready\",\"lease_expires_at\":null}");

    client.release(id, Reason.NONE);

    assertThat(poold.onlyRequest().path()).isEqualTo("/v1/tasks/gh:owner.name_42/release");
  }

  @Test
  void meAsksForTheWorkerItself() {
    poold.answer("GET", "/v1/workers/me", 200, JSON.writeValueAsString(workerView(null)));

    assertThat(client.me()).isEqualTo(workerView(null));
    assertThat(poold.onlyRequest().header("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void pauseAndResumePostTheWorkersOwnPause() {
    poold.answer(
        "POST", "/v1/workers/pause", 200, JSON.writeValueAsString(workerView(PausedBy.WORKER)));
    poold.answer("POST", "/v1/workers/resume", 200, JSON.writeValueAsString(workerView(null)));

    assertThat(client.pause(Reason.of("lunch")).pausedBy()).isEqualTo(PausedBy.WORKER);
    assertThat(client.resume().pausedBy()).isNull();

    List<FakePoold.Request> requests = poold.requests();
    assertThat(requests)
        .extracting(FakePoold.Request::path)
        .containsExactly("/v1/workers/pause", "/v1/workers/resume");
    assertThat(JSON.readTree(requests.get(0).body()))
        .isEqualTo(JSON.readTree("{\"reason\":\"lunch\"}"));
    assertThat(JSON.readTree(requests.get(1).body())).isEqualTo(JSON.readTree("{\"reason\":null}"));
  }

  @Test
  void workerCallsWithoutATokenFailBeforeAnythingIsSent() {
    OwpClient anonymous = clientOf(poold.uri()).build();

    assertThatIllegalStateException()
        .isThrownBy(() -> anonymous.heartbeat(HEARTBEAT_REQUEST))
        .withMessage("no worker token configured; register a worker first");
    assertThatIllegalStateException().isThrownBy(anonymous::work);
    assertThat(poold.requests()).isEmpty();
  }

  @Test
  void adminSideNeedsTheAdminToken() {
    assertThatIllegalStateException()
        .isThrownBy(client::admin)
        .withMessage("no admin token configured (set OWP_ADMIN_TOKEN)");
  }

  @Test
  void trailingSlashOfTheServerUrlIsDropped() {
    URI withSlash = URI.create(poold.uri() + "/");
    poold.answer("GET", "/healthz", 200, "{\"ok\":true}");

    OwpClient slashed = clientOf(withSlash).build();

    assertThat(slashed.server()).isEqualTo(poold.uri());
    assertThat(slashed.healthy()).isTrue();
    assertThat(poold.onlyRequest().path()).isEqualTo("/healthz");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.org",
        "localhost:8787",
        "http:///v1",
        "/relative/path",
        "mailto:ops@example.org",
        "file:///tmp/poold"
      })
  void badServerUrlIsRefusedByTheBuilder(String server) {
    URI uri = URI.create(server);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> OwpClient.builder(uri))
        .withMessage(
            "server must be an http(s) URL such as http://127.0.0.1:8787, got '" + server + "'");
  }

  @Test
  void aKeptConnectionIsForPlainHttpOnly() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> OwpClient.builder(URI.create("https://pool.example.org")).keptConnection())
        .withMessage(
            "a kept connection speaks plain http; https://pool.example.org needs the JDK's client");
  }

  @Test
  void aClosedKeptConnectionIsOpenedAgainByTheNextCall() {
    poold.answer("GET", "/healthz", 200, "{\"ok\":true}");
    OwpClient kept = OwpClient.builder(poold.uri()).keptConnection().build();

    assertThat(kept.healthy()).isTrue();
    kept.close();

    assertThat(kept.healthy()).isTrue();
    assertThat(poold.requests()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8787", "https://pool.example.org", "http://localhost"})
  void httpAndHttpsServersAreAccepted(String server) {
    assertThat(OwpClient.builder(URI.create(server)).build().server())
        .isEqualTo(URI.create(server));
  }
}
