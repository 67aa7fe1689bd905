package dev.owp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldServer;
import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pool bench} against a poold of its own (its workers take any task their skills match, so
 * it must not share a pool with other tests).
 */
class BenchCommandTest {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);

  private static PooldServer poold;

  @TempDir Path home;

  @BeforeAll
  static void startPoold() {
    poold = PooldServer.start();
  }

  @AfterAll
  static void stopPoold() {
    poold.close();
  }

  @Test
  void runsEveryTaskThroughTheLoopExactlyOnceAndReportsAsJson() throws Exception {
    AdminState before = poold.admin().state();

    Result result =
        Cli.against(poold, home)
            .run("bench", "--workers", "8", "--tasks", "150", "--repos", "3", "--json");

    result.assertExit(ExitCodes.OK);
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("exactly_once").asBoolean()).isTrue();
    assertThat(report.get("tasks").asInt()).isEqualTo(150);
    assertThat(report.get("completed").asInt()).isEqualTo(150);
    assertThat(report.get("violations").isEmpty()).isTrue();
    assertThat(report.get("completed_per_second").asDouble()).isPositive();
    assertThat(report.get("settings").get("workers").asInt()).isEqualTo(8);
    JsonNode latency = report.get("latency");
    assertThat(latency.get("GET /v1/work").get("count").asLong()).isPositive();
    assertThat(latency.get("POST /v1/tasks/{taskId}/status").get("count").asLong())
        .isGreaterThanOrEqualTo(3 * 150);
    // The test's poold runs on this JVM's java, with the serial collector and no heap limit.
    JsonNode jvm = report.get("poold").get(0);
    assertThat(report.get("poold")).hasSize(1);
    assertThat(jvm.get("server").asText()).isEqualTo(poold.url().toString());
    assertThat(jvm.get("java").asText()).isEqualTo(System.getProperty("java.runtime.version"));
    assertThat(jvm.get("heap_limit_mib").asLong()).isPositive();
    assertThat(jvm.get("cpus").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(Instant.parse(jvm.get("started").asText())).isBefore(Instant.now());
    JsonNode server = report.get("server_side");
    assertThat(server.get("counters").get("owp_leases_granted_total").asLong()).isEqualTo(150);
    assertThat(server.get("latency").get("POST /v1/tasks/{taskId}/status").get("count").asLong())
        .isEqualTo(latency.get("POST /v1/tasks/{taskId}/status").get("count").asLong());
    // The pool agrees, and the run's workers are gone again.
    AdminState after = poold.admin().state();
    assertThat(after.tasksMerged() - before.tasksMerged()).isEqualTo(150);
    assertThat(after.workersTotal()).isEqualTo(before.workersTotal());
    assertThat(result.err()).contains("seeding 150 tasks", "registering 8 workers");
  }

  @Test
  void aWorkerTakesTheLeasesItsReportsWereGrantedWithoutPollingForThem() throws Exception {
    JsonNode latency =
        benchReport(
                "--workers",
                "1",
                "--max-concurrent",
                "1",
                "--tasks",
                "30",
                "--repos",
                "1",
                "--budget",
                "5")
            .get("latency");
    // Each pr_opened frees the worker's one slot and its answer names the next lease: the first
    // lease alone comes from a poll.
    assertThat(latency.get("POST /v1/tasks/{taskId}/status").get("count").asLong())
        .isEqualTo(3 * 30);
    assertThat(latency.get("GET /v1/work").get("count").asLong()).isLessThanOrEqualTo(2);
  }

  @Test
  void aWorkerWithNothingToDoWaitsForItsHeartbeatRatherThanPollingAgain() throws Exception {
    JsonNode report =
        benchReport(
            "--workers",
            "4",
            "--tasks",
            "40",
            "--repos",
            "1",
            "--budget",
            "1",
            "--heartbeat-every",
            "1s");
    assertThat(report.get("completed").asInt()).isEqualTo(40);
    // A budget of 1 keeps one task in flight, so three workers at a time have nothing to do. A
    // worker polls when it starts, once it has finished what it knew of, and after a heartbeat
    // that leased it more: not again and again while it waits.
    long polls = report.get("latency").get("GET /v1/work").get("count").asLong();
    long heartbeats = report.get("latency").get("POST /v1/workers/heartbeat").get("count").asLong();
    assertThat(polls).isLessThanOrEqualTo(4 + 2 * 40 + heartbeats);
  }

  @Test
  void honoursTightBudgetsAndAreaLocksAndPrintsATable() {
    Result result =
        Cli.against(poold, home)
            .run(
                "bench",
                "--workers",
                "6",
                "--tasks",
                "60",
                "--repos",
                "2",
                "--budget",
                "2",
                "--area-locks",
                "--areas",
                "3");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .contains("OK, every task completed exactly once: 60 of 60 tasks merged")
        .contains("tasks/s", "req/s")
        .contains(
            "  poold      Java " + System.getProperty("java.runtime.version") + ", heap limit ")
        .containsPattern("GET /v1/work +\\d+")
        .contains("Errors: none")
        .containsPattern("owp_leases_granted_total +60");
  }

  @Test
  void aRunCutShortByItsDurationIsIncompleteButNotAViolation() throws Exception {
    Set<String> reposBefore = repoNames();

    Result result = runTooLongToFinish("--duration", "1s");

    result.assertExit(ExitCodes.REJECTED);
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("exactly_once").asBoolean()).isFalse();
    assertThat(report.get("violations").isEmpty()).isTrue();
    assertThat(report.get("completed").asInt()).isLessThan(3000);
    // Nothing of the run is left for the pool to schedule: its repository is closed and its
    // unfinished tasks are cancelled.
    List<RepoView> added =
        poold.admin().repos().repos().stream()
            .filter(repo -> !reposBefore.contains(repo.repo()))
            .toList();
    assertThat(added)
        .singleElement()
        .satisfies(
            repo -> {
              assertThat(repo.maxOpenPrs()).isZero();
              assertThat(repo.ready()).isZero();
              assertThat(repo.held()).isZero();
            });
    String repo = added.get(0).repo();
    assertThat(count(repo, TaskStatus.MERGED)).isEqualTo(report.get("completed").asInt());
    assertThat(count(repo, TaskStatus.CANCELLED)).isEqualTo(3000 - count(repo, TaskStatus.MERGED));
  }

  private static int count(String repo, TaskStatus status) {
    int count = 0;
    String cursor = null;
    do {
      TaskPage page = poold.admin().tasks(new TaskQuery(repo, status, TaskQuery.MAX_LIMIT, cursor));
      count += page.tasks().size();
      cursor = page.nextCursor();
    } while (cursor != null);
    return count;
  }

  @Test
  void aWarmUpIsLeftOutOfTheFiguresButNotOutOfTheExactlyOnceCheck() throws Exception {
    Result result = runTooLongToFinish("--warm-up", "1s", "--duration", "1s");

    result.assertExit(ExitCodes.REJECTED);
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("violations").isEmpty()).isTrue();
    assertThat(report.get("errors").isEmpty()).isTrue();
    assertThat(report.get("settings").get("warm_up_seconds").asDouble()).isEqualTo(1.0);
    JsonNode warmUp = report.get("warm_up");
    assertThat(warmUp.get("seconds").asDouble()).isBetween(0.9, 1.5);
    assertThat(warmUp.get("completed").asInt()).isPositive();
    assertThat(warmUp.get("requests").asLong()).isPositive();
    assertThat(report.get("measured").asBoolean()).isTrue();
    assertThat(report.get("completed_measured").asInt()).isPositive();
    assertThat(report.get("seconds").asDouble()).isBetween(0.9, 1.5);
    // Every measured request is timed, and only those.
    long timed = 0;
    for (JsonNode endpoint : report.get("latency")) {
      timed += endpoint.get("count").asLong();
    }
    assertThat(timed).isEqualTo(report.get("requests").asLong());
    // What shows that the warm-up is left out: poold's figures, scraped when the warm-up ends,
    // cover the same second as the client's (give or take the requests under way while it is
    // scraped), not both seconds.
    long clientReports =
        report.get("latency").get("POST /v1/tasks/{taskId}/status").get("count").asLong();
    long serverReports =
        report
            .get("server_side")
            .get("latency")
            .get("POST /v1/tasks/{taskId}/status")
            .get("count")
            .asLong();
    assertThat(serverReports).isCloseTo(clientReports, withinPercentage(25));
  }

  @Test
  void aRunThatEndsWithinItsWarmUpMeasuresNothing() {
    Result result =
        Cli.against(poold, home)
            .run("bench", "--workers", "4", "--tasks", "20", "--warm-up", "60s");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .contains("OK, every task completed exactly once: 20 of 20 tasks merged")
        .containsPattern("warm-up +\\d+\\.\\d s, left out of the figures: 20 tasks merged")
        .contains("nothing measured: every task was merged within the warm-up")
        .doesNotContain("tasks/s");
  }

  /**
   * Runs {@code pool bench --json} with {@code options} on more work than two workers can merge in
   * seconds through one repository with a budget of 1.
   */
  private Result runTooLongToFinish(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "bench",
                "--workers",
                "2",
                "--tasks",
                "3000",
                "--budget",
                "1",
                "--repos",
                "1",
                "--json"));
    args.addAll(List.of(options));
    return Cli.against(poold, home).run(args.toArray(String[]::new));
  }

  private static Set<String> repoNames() {
    return poold.admin().repos().repos().stream().map(RepoView::repo).collect(Collectors.toSet());
  }

  @Test
  void aWrongAdminTokenIsRefusedBeforeAnythingIsCreated() {
    int repos = poold.admin().repos().repos().size();

    Result result =
        Cli.against(poold, home)
            .set("OWP_ADMIN_TOKEN", "not-the-admin-token")
            .run("bench", "--workers", "2", "--tasks", "5");

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err())
        .contains("the admin token was refused by " + poold.url())
        .doesNotContain("Exception");
    assertThat(poold.admin().repos().repos()).hasSize(repos);
  }

  @Test
  void badOptionsAreUsageErrors() {
    Cli cli = Cli.against(poold, home);

    assertThat(cli.run("bench", "--workers", "0").assertExit(ExitCodes.USAGE).err())
        .contains("--workers must be between 1 and 20000, got 0");
    assertThat(cli.run("bench", "--duration", "soon").assertExit(ExitCodes.USAGE).err())
        .contains("'soon' is not a duration");
    assertThat(cli.run("bench", "--budget", "101").assertExit(ExitCodes.USAGE).err())
        .contains("--budget must be between 1 and 100");
  }

  @Test
  void spreadsTheWorkersOverReplicas() throws Exception {
    // Two URLs of the one poold stand in for two replicas of a pool.
    String sameServer = poold.url().toString().replace("127.0.0.1", "localhost");

    Result result =
        Cli.against(poold, home)
            .run("bench", "--workers", "4", "--tasks", "40", "--also", sameServer, "--json");

    result.assertExit(ExitCodes.OK);
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("server").asText()).isEqualTo(poold.url() + "," + sameServer);
    assertThat(report.get("completed").asInt()).isEqualTo(40);
    // Both URLs reach one poold, so its figures count once, and the user is told.
    assertThat(report.get("poold")).hasSize(1);
    assertThat(report.get("server_side").get("counters").get("owp_leases_granted_total").asLong())
        .isEqualTo(40);
    assertThat(result.err())
        .contains(sameServer + " is the same poold as " + poold.url() + ": its figures count once");
    assertThat(
            Cli.against(poold, home)
                .run("bench", "--also", "ftp://elsewhere")
                .assertExit(ExitCodes.USAGE)
                .err())
        .contains("--also must list http(s) URLs, got 'ftp://elsewhere'")
        .doesNotContain("workers, ");
  }

  @Test
  void anUnreachableServerExits3() {
    Result result =
        Cli.against(poold, home)
            .set("OWP_SERVER", "http://127.0.0.1:" + PooldServer.freePort())
            .run("bench", "--workers", "2", "--tasks", "5");

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).contains("cannot reach");
  }

  @Test
  void anUnreachableReplicaStopsTheRunBeforeAnythingIsCreated() {
    int repos = poold.admin().repos().repos().size();
    String nowhere = "http://127.0.0.1:" + PooldServer.freePort();

    Result result =
        Cli.against(poold, home).run("bench", "--workers", "2", "--tasks", "5", "--also", nowhere);

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).contains("cannot reach " + nowhere).doesNotContain("workers, ");
    assertThat(poold.admin().repos().repos()).hasSize(repos);
  }

  /**
   * Runs {@code pool bench} with {@code options} and {@code --json}; its report, once it passed.
   */
  private JsonNode benchReport(String... options) {
    List<String> args = new ArrayList<>(List.of("bench"));
    args.addAll(List.of(options));
    args.add("--json");
    Result result = Cli.against(poold, home).run(args.toArray(String[]::new));
    result.assertExit(ExitCodes.OK);
    return JSON.readTree(result.out());
  }
}
