package dev.owp.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.PoolCli;
import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Eventually;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.Scripts;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pool worker run} as a process of its own, stopped by a real signal: SIGTERM (from {@code
 * kill}, a service manager or a demo's clean-up) kills the running commands and releases their
 * tasks, like a second Ctrl-C.
 */
@ExtendWith(PooldExtension.class)
class RunCommandSignalTest {

  @TempDir Path home;

  @Test
  void sigtermKillsTheRunningCommandsAndReleasesTheirTasks(PooldServer poold) throws Exception {
    TestPool pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    TaskId task = pool.task(pool.repo(1), "Long job", skill);
    Path script = Scripts.write(home, "sleeps.sh", "touch started\nsleep 60");
    ProcessBuilder run =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path")),
                    PoolCli.class.getName(),
                    "worker",
                    "run",
                    "--exec",
                    script.toString(),
                    "--poll-every",
                    "1"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("out.txt").toFile());
    run.environment().keySet().removeIf(name -> name.startsWith("OWP_"));
    run.environment().put("HOME", home.toString());
    run.environment().put("OWP_SERVER", poold.url().toString());
    run.environment().put("OWP_TOKEN", pool.worker(skill, 1).token());
    Process worker = run.start();
    try {
      worker.getOutputStream().close();
      Eventually.until(
          "the command to start",
          Duration.ofSeconds(60),
          () -> Files.exists(home.resolve("started")) || !worker.isAlive());

      worker.destroy(); // SIGTERM

      assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(home.resolve("out.txt"));
      assertThat(worker.exitValue()).as(out).isEqualTo(ExitCodes.OK);
      assertThat(out).contains("[" + task + "] killed; released back to the pool", "Stopped.");
      assertThat(pool.view(task).status()).isEqualTo(TaskStatus.READY);
    } finally {
      worker.destroyForcibly();
    }
  }
}
