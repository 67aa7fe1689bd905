package dev.owp.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code pool admin import-tasks}: validated first, imported all at once, re-imported by key. */
@ExtendWith(PooldExtension.class)
class ImportTasksCommandTest {

  private static final String TASKS =
      """
      - title: "Docs: Add quickstart to README"
        key: quickstart
        estimate_points: 1
        priority: 50
        required_skills: [docs]
        area: docs
      - title: "Tests: scheduler cycle"
        key: cycle-test
        estimate: 2
        priority: null
        required_skills: python, testing
      - title: No key, all defaults
        tier: null
      """;

  @TempDir Path home;

  private Cli cli;
  private TestPool pool;
  private String repo;

  @BeforeEach
  void aRepository(PooldServer poold) {
    cli = Cli.against(poold, home);
    pool = new TestPool(poold);
    // Some tasks need no skill, so they would fit any worker: budget 0 keeps them unassigned.
    repo = pool.repo(0);
  }

  @Test
  void importsEveryTaskWithDefaultsForNulls() throws IOException {
    Files.writeString(home.resolve("tasks.yaml"), TASKS);

    Result result = cli.run("admin", "import-tasks", "tasks.yaml", "--repo", repo);

    result.assertExit(ExitCodes.OK);
    assertThat(result.out())
        .isEqualTo("Imported 3 tasks into repo " + repo + " (created 3, updated 0, unchanged 0)\n");
    List<TaskView> tasks = tasks();
    assertThat(tasks)
        .extracting(TaskView::key)
        .containsExactlyInAnyOrder("quickstart", "cycle-test", null);
    TaskView cycle =
        tasks.stream().filter(t -> "cycle-test".equals(t.key())).findFirst().orElseThrow();
    assertThat(cycle.estimatePoints()).isEqualTo(2);
    assertThat(cycle.priority()).isEqualTo(10);
    assertThat(cycle.requiredSkills()).containsExactly("python", "testing");
  }

  @Test
  void importingAgainUpdatesTasksByKeyInsteadOfDuplicating() throws IOException {
    Path file =
        Files.writeString(
            home.resolve("tasks.yaml"), TASKS.replace("No key, all defaults", "Later"));
    cli.run("admin", "import-tasks", file.toString(), "--repo", repo).assertExit(ExitCodes.OK);
    Files.writeString(
        file,
        TASKS
            .replace("priority: 50", "priority: 60")
            .replace("\n- title: No key, all defaults\n  tier: null\n", "\n"));

    Result again = cli.run("admin", "import-tasks", file.toString(), "--repo", repo);

    assertThat(again.out()).endsWith("(created 0, updated 1, unchanged 1)\n");
    assertThat(tasks()).hasSize(3);
    assertThat(tasks())
        .filteredOn(t -> "quickstart".equals(t.key()))
        .singleElement()
        .extracting(TaskView::priority)
        .isEqualTo(60);
  }

  @Test
  void aBadFileNamesEveryBadEntryAndFieldAndImportsNothing() throws IOException {
    Files.writeString(
        home.resolve("bad.yaml"),
        """
        - title: Fine
        - title: Too big
          estimate_points: 101
        - description: no title
        - title: Typo
          prority: 5
        - title: Words
          priority: high
        """);

    Result result = cli.run("admin", "import-tasks", "bad.yaml", "--repo", repo);

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err().lines())
        .containsExactly(
            "pool: bad.yaml: entry 2 (title \"Too big\"): estimate_points must be between 1 and 100",
            "pool: bad.yaml: entry 3: title is required",
            "pool: bad.yaml: entry 4 (title \"Typo\"): unknown field 'prority' (expected one of "
                + "area, description, estimate, estimate_points, key, priority, required_skills, tier, title)",
            "pool: bad.yaml: entry 5 (title \"Words\"): priority must be a whole number, got 'high'",
            "pool: nothing was imported");
    assertThat(tasks()).isEmpty();
  }

  @Test
  void aTaskTheServerRefusesLeavesTheWholeFileUnimported() throws IOException {
    Files.writeString(home.resolve("tasks.yaml"), TASKS);

    Result result =
        cli.run("admin", "import-tasks", "tasks.yaml", "--repo", TestPool.unique("unknown"));

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).startsWith("pool: HTTP 400 tasks[0]: Unknown repo: unknown-");
  }

  @Test
  void aMissingFileIsAUsageError() {
    Result result = cli.run("admin", "import-tasks", "missing.yaml", "--repo", repo);

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "pool: missing.yaml: cannot read: no such file or directory\npool: nothing was imported\n");
  }

  private List<TaskView> tasks() {
    return pool.admin().tasks(new TaskQuery(repo, null, 100, null)).tasks();
  }
}
