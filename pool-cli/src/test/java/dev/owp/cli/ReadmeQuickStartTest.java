package dev.owp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.StopSignal;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.Cli.Running;
import dev.owp.cli.testing.Eventually;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start of the original README, command for command (only poold's port differs: the test
 * poold listens on a random one), with the repository's own {@code demo/tasks.yaml}.
 */
@ExtendWith(PooldExtension.class)
class ReadmeQuickStartTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path home;

  @Test
  void theSeedReadmeCommandsWorkVerbatim(PooldServer poold) throws IOException {
    Path demo = Files.createDirectories(home.resolve("demo"));
    Files.copy(repositoryRoot().resolve("demo/tasks.yaml"), demo.resolve("tasks.yaml"));
    String server = poold.url().toString();
    // The admin commands name no server: before any worker is registered it comes from OWP_SERVER
    // here, and from the default http://127.0.0.1:8787 in the README.
    Cli admin = Cli.against(poold, home);
    Cli worker = Cli.against(poold, home).unset("OWP_SERVER").unset("OWP_ADMIN_TOKEN");

    // 3) Load demo tasks
    assertThat(admin.run("admin", "init-repo", "demo", "--max-open-prs", "2").out())
        .isEqualTo("Repo upserted demo\n");
    assertThat(admin.run(words("admin import-tasks ./demo/tasks.yaml --repo demo")).out())
        .startsWith("Imported 9 tasks into repo demo");

    // 4) Start a couple of workers
    Result alice =
        worker.run(
            words(
                "worker register --server "
                    + server
                    + " --name Alice --skills python,docs --capacity 5"));
    assertThat(alice.out())
        .startsWith("Registered worker_id=w_")
        .contains("Token: ", "Saved config to ");
    String aliceRun = runUntil(worker, "Assigned Leases (2)", "worker run --server " + server);
    assertThat(aliceRun)
        .contains("Tests: Add minimal scheduler cycle test", "Docs: Add quickstart to README");

    worker
        .run(
            words(
                "worker register --server "
                    + server
                    + " --name Bob --skills typescript --capacity 3"))
        .assertExit(ExitCodes.OK);
    // The review budget of 2 is held by Alice's two tasks, so Bob waits.
    runUntil(worker, "Assigned Leases (0)", "worker run --server " + server);

    // Demo mode: once Alice's tasks are back in the pool, the simulated worker opens their PRs.
    for (TaskView task : demoTasks(poold, TaskStatus.LEASED)) {
      poold.admin().requeue(task.taskId(), Reason.of("Alice went home"));
    }
    runUntil(
        worker,
        () -> demoTasks(poold, TaskStatus.PR_OPENED).size() == 2,
        "worker simulate --register --server "
            + server
            + " --name DemoWorker --skills python,docs --capacity 5");
  }

  /** Starts {@code command}, waits for {@code text} in its output, then stops it like Ctrl-C. */
  private static String runUntil(Cli cli, String text, String command) {
    String out = runUntil(cli, () -> false, text, command);
    assertThat(out).contains(text);
    return out;
  }

  /** Starts {@code command}, waits for {@code done}, then stops it like Ctrl-C. */
  private static String runUntil(Cli cli, BooleanSupplier done, String command) {
    return runUntil(cli, done, null, command);
  }

  private static String runUntil(
      Cli cli, BooleanSupplier done, @Nullable String text, String command) {
    StopSignal ctrlC = new StopSignal();
    Running running = cli.start(ctrlC, words(command));
    Eventually.until(
        (text == null ? "the outcome" : "'" + text + "'") + " of " + command,
        WAIT,
        () ->
            (text != null && running.output().contains(text))
                || done.getAsBoolean()
                || running.exit().isDone());
    ctrlC.press();
    return running.result(WAIT).assertExit(ExitCodes.OK).out();
  }

  private static List<TaskView> demoTasks(PooldServer poold, TaskStatus status) {
    return poold.admin().tasks(new TaskQuery("demo", status, 100, null)).tasks();
  }

  private static String[] words(String command) {
    return command.split(" ");
  }

  private static Path repositoryRoot() {
    return Path.of(System.getProperty("owp.test.repo-root", "..")).toAbsolutePath().normalize();
  }
}
