package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.common.UsageException;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.source.TaskFileException;
import dev.owp.cli.source.TaskFileReader;
import dev.owp.protocol.repo.RepoKeys;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pool admin import-tasks FILE --repo R}: imports a YAML task file in one all-or-nothing
 * request. Tasks with a {@code key} are updated by a second import instead of duplicated.
 */
@Command(
    name = "import-tasks",
    description = {
      "Imports the tasks of a YAML file into a repository: all of them, or none.",
      "Each entry: title (required), description, estimate_points (or estimate), priority, "
          + "required_skills (list or a,b), area, tier, key. Entries with a key update the task "
          + "with that key when imported again."
    })
final class ImportTasksCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(paramLabel = "FILE", description = "The YAML file, e.g. demo/tasks.yaml.")
  @Nullable Path file;

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "REPO",
      description = "The repository to import into.")
  String repo = "";

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    Path path = Objects.requireNonNull(file);
    String repoKey =
        Inputs.valid(command, Map.of("repo", "--repo"), () -> RepoKeys.require("repo", repo));
    List<TaskSpec> tasks;
    try {
      tasks = TaskFileReader.read(server.environment().resolve(path), path.toString(), repoKey);
    } catch (TaskFileException e) {
      throw new UsageException(e.getMessage() + "\nnothing was imported", e);
    }
    BulkResult result = admin.connect(server).createTasks(BulkTasks.of(tasks));
    command
        .commandLine()
        .getOut()
        .println(
            "Imported "
                + tasks.size()
                + " tasks into repo "
                + repoKey
                + " (created "
                + result.created()
                + ", updated "
                + result.updated()
                + ", unchanged "
                + result.unchanged()
                + ")");
    return 0;
  }
}
