package dev.owp.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.repo.RepoList;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskView;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Repositories, tasks and state: {@code init-repo}, {@code add-task}, {@code state}, lists. */
@ExtendWith(PooldExtension.class)
class AdminCommandsTest {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);

  @TempDir Path home;

  private Cli cli;
  private TestPool pool;

  @BeforeEach
  void anAdmin(PooldServer poold) {
    cli = Cli.against(poold, home);
    pool = new TestPool(poold);
  }

  @Test
  void initRepoAndAddTaskPrintTheSeedsLines() {
    String repo = TestPool.unique("repo");

    // Budget 0: the shared poold's other workers must never be handed this test's task.
    Result init = cli.run("admin", "init-repo", repo, "--max-open-prs", "0", "--no-area-locks");
    Result add =
        cli.run(
            "admin",
            "add-task",
            "--repo",
            repo,
            "--title",
            "Docs: quickstart",
            "--estimate",
            "2",
            "--priority",
            "50",
            "--required-skills",
            "Docs, python",
            "--area",
            "docs",
            "--tier",
            "1",
            "--description",
            "Short section");

    assertThat(init.out()).isEqualTo("Repo upserted " + repo + "\n");
    assertThat(add.out()).matches("Task created t_[0-9a-f]{16}\n");
    TaskView task = pool.view(TaskId.of(add.out().strip().substring("Task created ".length())));
    assertThat(task.estimatePoints()).isEqualTo(2);
    assertThat(task.requiredSkills()).containsExactly("docs", "python");
    assertThat(task.tier()).isEqualTo(1);
    RepoList repos = JSON.readValue(cli.run("admin", "repos", "--json").out(), RepoList.class);
    assertThat(repos.repos())
        .anySatisfy(
            r -> {
              assertThat(r.repo()).isEqualTo(repo);
              assertThat(r.maxOpenPrs()).isZero();
              assertThat(r.areaLocksEnabled()).isFalse();
            });
  }

  @Test
  void addTaskWithAKeyUpdatesInsteadOfDuplicating() {
    // A task without required skills fits any worker: budget 0 keeps it from other tests' workers.
    String repo = pool.repo(0);

    Result first = cli.run("admin", "add-task", "--repo", repo, "--title", "One", "--key", "k1");
    Result again = cli.run("admin", "add-task", "--repo", repo, "--title", "One", "--key", "k1");
    Result changed = cli.run("admin", "add-task", "--repo", repo, "--title", "One!", "--key", "k1");

    String id = first.out().strip().substring("Task created ".length());
    assertThat(again.out()).isEqualTo("Task unchanged " + id + "\n");
    assertThat(changed.out()).isEqualTo("Task updated " + id + "\n");
  }

  @Test
  void theServerRefusingATaskIsOneLineWithStatusAndDetail() {
    Result result = cli.run("admin", "add-task", "--repo", TestPool.unique("nope"), "--title", "x");

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).matches("pool: HTTP 400 Unknown repo: nope-[0-9a-f]+\n");
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheOption() {
    Result estimate =
        cli.run("admin", "add-task", "--repo", "r", "--title", "x", "--estimate", "101");
    Result budget = cli.run("admin", "init-repo", "demo", "--max-open-prs", "-1");

    estimate.assertExit(ExitCodes.USAGE);
    assertThat(estimate.err()).contains("--estimate must be between 1 and 100");
    budget.assertExit(ExitCodes.USAGE);
    assertThat(budget.err()).contains("--max-open-prs must be between 0 and 100");
  }

  @Test
  void stateShowsTheSeedsTableOrJson() {
    Result table = cli.run("admin", "state");
    Result json = cli.run("admin", "state", "--json");

    assertThat(table.out())
        .startsWith("OWP Pool State\nfield")
        .contains("tasks_ready", "workers_online");
    AdminState state = JSON.readValue(json.out(), AdminState.class);
    assertThat(state.workersTotal()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void withoutAnAdminTokenNothingIsSent() {
    Result result = cli.unset("OWP_ADMIN_TOKEN").run("admin", "state");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith(
            "pool admin state: Missing admin token: set OWP_ADMIN_TOKEN or pass --admin-token");
  }

  @Test
  void aWrongAdminTokenIsRefusedByTheServer() {
    Result result = cli.run("admin", "state", "--admin-token", "wrong");

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).startsWith("pool: HTTP 401 ");
  }
}
