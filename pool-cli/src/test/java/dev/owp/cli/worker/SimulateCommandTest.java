package dev.owp.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pool worker simulate}: the demo worker. */
@ExtendWith(PooldExtension.class)
class SimulateCommandTest {

  @TempDir Path home;

  @Test
  void registerOnceMergeTakesEveryMatchingTaskToMerged(PooldServer poold) {
    TestPool pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    String repo = pool.repo(1);
    List<TaskId> tasks = List.of(pool.task(repo, "first", skill), pool.task(repo, "second", skill));
    TaskId other = pool.task(repo, "not for me", TestPool.unique("skill"));

    Result result =
        Cli.against(poold, home)
            .run(
                "worker",
                "simulate",
                "--register",
                "--name",
                "Alice",
                "--skills",
                skill,
                "--config",
                "alice.json",
                "--once",
                "--merge",
                "--open-delay",
                "0.1",
                "--merge-delay",
                "0.1",
                "--poll-every",
                "0.2",
                "--heartbeat-every",
                "0.5",
                "--pr-base-url",
                "https://example.com/pr/");

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .containsPattern(
            "Registered worker_id=w_\\w+ \\(saved to " + home.resolve("alice.json") + "\\)")
        .contains(
            "Processing " + tasks.get(0) + ": first", "Processing " + tasks.get(1) + ": second")
        .endsWith("Sim worker done\n");
    for (TaskId task : tasks) {
      assertThat(pool.view(task).status()).isEqualTo(TaskStatus.MERGED);
      assertThat(pool.view(task).artifact().prUrl()).isEqualTo("https://example.com/pr/" + task);
    }
    assertThat(pool.view(other).status()).isEqualTo(TaskStatus.READY);
    assertThat(home.resolve("alice.json")).exists();
  }

  @Test
  void withoutMergeTheReviewBudgetStopsTheSimulation(PooldServer poold) {
    TestPool pool = new TestPool(poold);
    String skill = TestPool.unique("skill");
    String repo = pool.repo(1);
    TaskId first = pool.task(repo, "first", skill);
    TaskId second = pool.task(repo, "second", skill);
    String token = pool.worker(skill, 2).token();

    Cli.against(poold, home)
        .set("OWP_TOKEN", token)
        .run("worker", "simulate", "--once", "--open-delay", "0.1", "--poll-every", "0.2")
        .assertExit(ExitCodes.OK);

    List<TaskStatus> statuses = List.of(pool.view(first).status(), pool.view(second).status());
    assertThat(statuses).containsExactlyInAnyOrder(TaskStatus.PR_OPENED, TaskStatus.READY);
  }

  @Test
  void aBadPullRequestBaseIsAUsageError(PooldServer poold) {
    Result result =
        Cli.against(poold, home)
            .set("OWP_TOKEN", "t")
            .run("worker", "simulate", "--pr-base-url", "ftp://example.com");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err()).contains("--pr-base-url must be an http(s) URL");
  }
}
