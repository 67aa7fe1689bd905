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
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pool worker run --exec --once}: one command per lease, its outcome as the status. */
@ExtendWith(PooldExtension.class)
class RunCommandExecTest {

  @TempDir Path home;
  @TempDir Path workdir;

  private TestPool pool;
  private String repo;
  private String skill;

  @BeforeEach
  void aRepository(PooldServer poold) {
    pool = new TestPool(poold);
    repo = pool.repo(5);
    skill = TestPool.unique("skill");
  }

  private Result runOnce(PooldServer poold, int maxConcurrent, Path script) {
    String token = pool.worker(skill, maxConcurrent).token();
    return Cli.against(poold, home)
        .set("OWP_TOKEN", token)
        .run(workerRun(script.toString(), "--once", "--heartbeat-every", "1", "--poll-every", "1"));
  }

  /** {@code pool worker run --exec exec --workdir <workdir>}, then {@code options}. */
  private String[] workerRun(String exec, String... options) {
    return Stream.concat(
            Stream.of("worker", "run", "--exec", exec, "--workdir", workdir.toString()),
            Stream.of(options))
        .toArray(String[]::new);
  }

  @Test
  void aPullRequestUrlInTheOutputOpensThePullRequest(PooldServer poold) throws IOException {
    TaskId task = pool.task(repo, "Add a quickstart", skill);
    Path script =
        Scripts.write(
            home,
            "agent.sh",
            """
            env | grep '^OWP_' > "$OWP_TASK_ID.env"
            cp "$OWP_TASK_FILE" "$OWP_TASK_ID.json"
            echo "base https://github.com/o/r/pull/1"
            echo "Created pull request https://github.com/o/r/pull/42 for $OWP_TASK_TITLE"
            """);

    Result result = runOnce(poold, 2, script).assertExit(ExitCodes.OK);

    TaskView view = pool.view(task);
    assertThat(view.status()).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(view.artifact().prUrl()).isEqualTo("https://github.com/o/r/pull/42");
    assertThat(result.out())
        .contains("Worker loop started. Server=" + poold.url())
        .contains("[" + task + "] started: Add a quickstart")
        .contains(
            "["
                + task
                + "] Created pull request https://github.com/o/r/pull/42 for Add a quickstart")
        .contains("[" + task + "] exited with code 0")
        .contains("[" + task + "] reported pr_opened https://github.com/o/r/pull/42");
    List<String> env = Files.readAllLines(workdir.resolve(task + ".env"));
    assertThat(env)
        .contains("OWP_TASK_ID=" + task, "OWP_TASK_TITLE=Add a quickstart", "OWP_REPO=" + repo)
        .contains("OWP_TASK_DESCRIPTION=do Add a quickstart", "OWP_TASK_AREA=")
        .contains("OWP_REQUIRED_SKILLS=" + skill, "OWP_SERVER=" + poold.url());
    assertThat(env)
        .noneMatch(line -> line.startsWith("OWP_TOKEN=") || line.startsWith("OWP_ADMIN_TOKEN="));
    LeaseView lease =
        OwpJson.mapper(OwpJson.Strictness.LENIENT)
            .readValue(Files.readString(workdir.resolve(task + ".json")), LeaseView.class);
    assertThat(lease.taskId()).isEqualTo(task);
    assertThat(lease.leaseId()).isEqualTo(view.leaseId());
  }

  @Test
  void workAReportWasGrantedStartsAtOnceNotAtTheNextPoll(PooldServer poold) throws IOException {
    TaskId first = pool.task(repo, "First", skill);
    TaskId second = pool.task(repo, "Second", skill);
    Path script =
        Scripts.write(
            home,
            "agent.sh",
            "n=$(cat n 2>/dev/null || echo 1); echo $((n + 1)) > n\n"
                + "echo https://github.com/o/r/pull/$n");
    StopSignal ctrlC = new StopSignal();
    // Polls and heartbeats an hour apart: only the first heartbeat, and the answer to the first
    // report, can bring the second task to the worker within the test.
    Running running =
        Cli.against(poold, home)
            .set("OWP_TOKEN", pool.worker(skill, 1).token())
            .start(
                ctrlC,
                workerRun(script.toString(), "--heartbeat-every", "3600", "--poll-every", "3600"));

    Eventually.until(
        "both tasks' pull requests",
        Duration.ofSeconds(20),
        () -> pool.view(second).status() == TaskStatus.PR_OPENED);
    ctrlC.press();

    Result result = running.result(Duration.ofSeconds(20)).assertExit(ExitCodes.OK);
    assertThat(pool.view(first).status()).isEqualTo(TaskStatus.PR_OPENED);
    assertThat(result.out()).contains("[" + second + "] started: Second");
  }

  @Test
  void aFailingCommandBlocksTheTaskWithItsExitCodeAndLastLines(PooldServer poold) {
    TaskId task = pool.task(repo, "Break things", skill);
    Path script =
        Scripts.write(home, "fail.sh", "for i in $(seq 1 30); do echo \"line $i\"; done\nexit 3");

    runOnce(poold, 1, script).assertExit(ExitCodes.OK);

    TaskView view = pool.view(task);
    assertThat(view.status()).isEqualTo(TaskStatus.BLOCKED);
    assertThat(view.message())
        .startsWith("command failed with exit code 3; last lines of output:\nline 11\n")
        .endsWith("line 30")
        .doesNotContain("line 10\n");
  }

  @Test
  void successWithoutAPullRequestUrlBlocksTheTask(PooldServer poold) {
    TaskId task = pool.task(repo, "Do nothing", skill);
    Path script = Scripts.write(home, "quiet.sh", "echo 'all done, no PR'");

    runOnce(poold, 1, script).assertExit(ExitCodes.OK);

    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.BLOCKED);
    assertThat(pool.view(task).message())
        .isEqualTo(
            "command succeeded but printed no pull request URL; last lines of output:\nall done, no PR");
  }

  @Test
  void upToMaxConcurrentCommandsRunAtOnceAndOnceTakesNoMore(PooldServer poold) {
    List<TaskId> tasks =
        List.of(
            pool.task(repo, "one", skill),
            pool.task(repo, "two", skill),
            pool.task(repo, "three", skill));
    // Each command waits until two have started: it only succeeds when they run side by side.
    Path script =
        Scripts.write(
            home,
            "pair.sh",
            """
            touch "started-$OWP_TASK_ID"
            for i in $(seq 1 100); do
              [ "$(ls started-* | wc -l)" -ge 2 ] && echo "https://github.com/o/r/pull/9" && exit 0
              sleep 0.1
            done
            exit 1
            """);

    runOnce(poold, 2, script).assertExit(ExitCodes.OK);

    List<TaskStatus> statuses = tasks.stream().map(t -> pool.view(t).status()).toList();
    assertThat(statuses)
        .containsExactlyInAnyOrder(TaskStatus.PR_OPENED, TaskStatus.PR_OPENED, TaskStatus.READY);
  }

  @Test
  void aRelativeScriptIsFoundFromTheCurrentDirectory(PooldServer poold) {
    TaskId task = pool.task(repo, "Relative", skill);
    Scripts.write(home, "my-agent.sh", "echo https://github.com/o/r/pull/3");
    String token = pool.worker(skill, 1).token();

    Cli.against(poold, home)
        .set("OWP_TOKEN", token)
        .run("worker", "run", "--exec", "./my-agent.sh", "--workdir", workdir.toString(), "--once")
        .assertExit(ExitCodes.OK);

    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.PR_OPENED);
  }

  @Test
  void withoutLeasesOnceExitsAtOnce(PooldServer poold) {
    Path script = Scripts.write(home, "never.sh", "exit 9");

    Result result = runOnce(poold, 1, script).assertExit(ExitCodes.OK);

    assertThat(result.out()).doesNotContain("started:");
  }

  @Test
  void aWorkdirThatIsNoDirectoryIsAUsageError(PooldServer poold) {
    Result result =
        Cli.against(poold, home)
            .set("OWP_TOKEN", "t")
            .run("worker", "run", "--exec", "true", "--workdir", "no-such-dir", "--once");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("--workdir " + home.resolve("no-such-dir") + " is not a directory");
  }

  @Test
  void aMissingScriptIsRefusedBeforeAnyWorkIsTaken(PooldServer poold) {
    TaskId task = pool.task(repo, "Never started", skill);
    Scripts.write(home, "agent.sh", "echo https://github.com/o/r/pull/5");

    Result result =
        Cli.against(poold, home)
            .set("OWP_TOKEN", pool.worker(skill, 1).token())
            .run("worker", "run", "--exec", "./agnet.sh --fast", "--workdir", workdir.toString());

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "pool worker run: --exec: no such script: ./agnet.sh (looked in "
                + home
                + " and "
                + workdir
                + ") (see pool worker run --help)\n");
    assertThat(result.out()).isEmpty();
    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aScriptThatIsNotExecutableIsRefused(PooldServer poold) throws IOException {
    Path script = Files.writeString(home.resolve("plain.sh"), "#!/bin/sh\ntrue\n");

    Result result =
        Cli.against(poold, home)
            .set("OWP_TOKEN", "t")
            .run("worker", "run", "--exec", script.toString(), "--once");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err()).contains("--exec: " + script + " is not executable");
  }

  @Test
  void aScriptInTheWorkdirIsFoundThere(PooldServer poold) {
    TaskId task = pool.task(repo, "In the workdir", skill);
    Scripts.write(workdir, "local.sh", "echo https://github.com/o/r/pull/6");

    Cli.against(poold, home)
        .set("OWP_TOKEN", pool.worker(skill, 1).token())
        .run("worker", "run", "--exec", "./local.sh", "--workdir", workdir.toString(), "--once")
        .assertExit(ExitCodes.OK);

    assertThat(pool.view(task).status()).isEqualTo(TaskStatus.PR_OPENED);
  }

  @Test
  void aCommandTheShellCannotRunGivesItsTasksBackAndStopsTheWorker(PooldServer poold) {
    List<TaskId> tasks =
        List.of(
            pool.task(repo, "first", skill),
            pool.task(repo, "second", skill),
            pool.task(repo, "third", skill),
            pool.task(repo, "fourth", skill));

    // Found through PATH, so not checked before it runs: each run exits 127.
    Result result =
        Cli.against(poold, home)
            .set("OWP_TOKEN", pool.worker(skill, 1).token())
            .run(
                workerRun(
                    "no-such-agent-tool -p \"$OWP_TASK_TITLE\"",
                    "--heartbeat-every",
                    "1",
                    "--poll-every",
                    "1"));

    result.assertExit(ExitCodes.REJECTED);
    // Three ran and failed; the fourth was never started.
    assertThat(result.out().split("exited with code 127", -1)).hasSize(4);
    assertThat(result.out().split("] started: ", -1)).hasSize(4);
    assertThat(tasks)
        .allSatisfy(t -> assertThat(pool.view(t).status()).isEqualTo(TaskStatus.READY));
    assertThat(result.err())
        .contains(
            "pool: 3 commands in a row could not be run (exit code 127: command not found): "
                + "giving their tasks back to the pool and taking no more work\n")
        .endsWith(
            "pool: stopped: the command cannot be run (exit code 127: command not found); "
                + "check --exec no-such-agent-tool -p \"$OWP_TASK_TITLE\"\n");
  }
}
