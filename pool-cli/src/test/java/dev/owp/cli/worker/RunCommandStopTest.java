package dev.owp.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.StopSignal;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.Cli.Running;
import dev.owp.cli.testing.Eventually;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.Scripts;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code pool worker run}: the first stop request (Ctrl-C) lets running commands finish,
 * the second kills them and releases their tasks; a task taken away meanwhile stops its command.
 */
@ExtendWith(PooldExtension.class)
class RunCommandStopTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path home;

  private final StopSignal ctrlC = new StopSignal();
  private TestPool pool;
  private TaskId task;
  private Cli cli;

  @BeforeEach
  void aWorkerAndATask(PooldServer poold) {
    pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    task = pool.task(pool.repo(3), "Long job", skill);
    cli = Cli.against(poold, home).set("OWP_TOKEN", pool.worker(skill, 1).token());
  }

  private Running run(Path script) {
    return cli.start(
        ctrlC,
        "worker",
        "run",
        "--exec",
        script.toString(),
        "--heartbeat-every",
        "1",
        "--poll-every",
        "1");
  }

  @Test
  void theFirstStopWaitsForTheRunningCommandAndReportsIt() throws IOException {
    Path script =
        Scripts.write(
            home,
            "waits.sh",
            "touch started\nwhile [ ! -f go ]; do sleep 0.05; done\necho https://github.com/o/r/pull/5");
    Running running = run(script);
    Eventually.until("the command to start", WAIT, () -> Files.exists(home.resolve("started")));

    ctrlC.press();
    Eventually.until(
        "the drain notice", WAIT, () -> running.errors().contains("waiting for 1 running command"));
    Files.createFile(home.resolve("go"));
    Result result = running.result(WAIT).assertExit(ExitCodes.OK);

    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(result.out())
        .contains("[" + task + "] reported pr_opened https://github.com/o/r/pull/5");
  }

  @Test
  void theSecondStopKillsTheCommandAndReleasesItsTask() throws IOException {
    Path script = Scripts.write(home, "sleeps.sh", "echo $$ > pid\nsleep 60");
    Running running = run(script);
    Eventually.until("the command to start", WAIT, () -> Files.exists(home.resolve("pid")));
    long pid =
        Long.parseLong(
            Eventually.await("its pid", WAIT, () -> read(home.resolve("pid")), s -> !s.isBlank()));

    ctrlC.press();
    ctrlC.press();
    Result result = running.result(WAIT).assertExit(ExitCodes.OK);

    assertThat(result.out())
        .contains("[" + task + "] killed; released back to the pool", "Stopped.");
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.READY);
    // Killed at once, but an orphaned grandchild is reaped by init a moment later.
    Eventually.until(
        "the command to be gone",
        WAIT,
        () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void aTaskCancelledMeanwhileStopsItsCommandWithoutAReport() {
    Path script = Scripts.write(home, "sleeps.sh", "touch started\nsleep 60");
    Running running = run(script);
    Eventually.until("the command to start", WAIT, () -> Files.exists(home.resolve("started")));

    pool.admin().cancel(task, Reason.of("not needed"));
    Eventually.until(
        "the command to be stopped",
        WAIT,
        () -> running.errors().contains("no longer holds this task"));
    ctrlC.press();
    Result result = running.result(WAIT).assertExit(ExitCodes.OK);

    assertThat(result.out()).doesNotContain("reported");
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.CANCELLED);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
