package dev.owp.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerView;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reporting by hand: {@code worker status}, {@code release}, {@code pause}, {@code resume}. */
@ExtendWith(PooldExtension.class)
class WorkerReportCommandsTest {

  @TempDir Path home;

  private TestPool pool;
  private TaskId task;
  private RegisteredWorker worker;
  private Cli cli;

  @BeforeEach
  void aWorkerHoldingATask(PooldServer poold) {
    pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    task = pool.task(pool.repo(2), "Fix the docs", skill);
    worker = pool.worker(skill, 2);
    poold.worker(worker.token()).heartbeat(Heartbeat.of(null, null));
    cli = Cli.against(poold, home).set("OWP_TOKEN", worker.token());
  }

  @Test
  void statusMovesTheTaskAndThePullRequestBecomesItsArtifact() {
    Result started =
        cli.run("worker", "status", task.value(), "--status", "in_progress", "--message", "on it");
    Result opened =
        cli.run(
            "worker",
            "status",
            task.value(),
            "--status",
            "pr_opened",
            "--pr",
            "https://github.com/o/r/pull/7");

    assertThat(started.out()).isEqualTo("Updated " + task + ": in_progress\n");
    opened.assertExit(ExitCodes.OK);
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(pool.view(task).artifact().prUrl()).isEqualTo("https://github.com/o/r/pull/7");
  }

  @Test
  void anIllegalMoveIsRejectedInOneLineWithTheServersDetail() {
    cli.run(
        "worker",
        "status",
        task.value(),
        "--status",
        "pr_opened",
        "--pr",
        "https://github.com/o/r/pull/8");
    cli.run("worker", "status", task.value(), "--status", "merged");

    Result result = cli.run("worker", "status", task.value(), "--status", "in_progress");

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err())
        .startsWith("pool: HTTP 409 Cannot move task from merged to in_progress: ")
        .endsWith("\n");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void reportingOnAnotherWorkersTaskIsRefused() {
    Result result =
        cli.set("OWP_TOKEN", pool.worker(TestPool.unique("skill"), 1).token())
            .run("worker", "status", task.value(), "--status", "in_progress");

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).isEqualTo("pool: HTTP 403 Task not assigned to this worker\n");
  }

  @Test
  void aWrongTokenIsRefused() {
    Result result = cli.run("worker", "show", "--token", "not-a-token");

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).startsWith("pool: HTTP 401 ");
  }

  @Test
  void statusesAWorkerCannotSetAreUsageErrors() {
    Result unknown = cli.run("worker", "status", task.value(), "--status", "done");
    Result ready = cli.run("worker", "status", task.value(), "--status", "ready");
    Result badUrl =
        cli.run("worker", "status", task.value(), "--status", "pr_opened", "--pr", "github.com/x");

    unknown.assertExit(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown task status 'done'");
    ready.assertExit(ExitCodes.USAGE);
    assertThat(ready.err())
        .contains("--status must be one of in_progress, blocked, pr_opened, merged");
    badUrl.assertExit(ExitCodes.USAGE);
    assertThat(badUrl.err()).contains("--pr must be an http(s) URL");
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.LEASED);
  }

  @Test
  void releaseGivesTheTaskBackToThePool() {
    Result result = cli.run("worker", "release", task.value(), "--reason", "no time");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out()).isEqualTo("Released " + task + " back to the pool\n");
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.READY);
    assertThat(pool.view(task).message()).contains("no time");
  }

  @Test
  void pauseAndResumeAreTheWorkersOwn() {
    Result paused = cli.run("worker", "pause", "--reason", "lunch");
    WorkerView whilePaused = showJson();
    Result resumed = cli.run("worker", "resume");

    assertThat(paused.out())
        .startsWith("Paused " + worker.workerId())
        .contains("it keeps its 1 held");
    assertThat(whilePaused.paused()).isTrue();
    assertThat(resumed.out())
        .isEqualTo("Resumed " + worker.workerId() + ": it gets new tasks again\n");
    assertThat(showJson().paused()).isFalse();
  }

  @Test
  void aWorkerCannotLiftAnAdminsPause() {
    pool.admin().pauseWorker(worker.workerId(), Reason.of("misbehaving"));

    Result resumed = cli.run("worker", "resume");

    resumed.assertExit(ExitCodes.REJECTED);
    assertThat(resumed.err()).startsWith("pool: HTTP 409 ").contains("only an admin can resume it");
    assertThat(showJson().paused()).isTrue();
  }

  private WorkerView showJson() {
    Result show = cli.run("worker", "show", "--json");
    show.assertExit(ExitCodes.OK);
    return OwpJson.mapper(OwpJson.Strictness.LENIENT).readValue(show.out(), WorkerView.class);
  }
}
