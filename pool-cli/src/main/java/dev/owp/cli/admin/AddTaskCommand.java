package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.scheduling.Skills;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskSpec;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pool admin add-task}: creates one task (or updates the one with its key). */
@Command(name = "add-task", description = "Creates a task, or updates the task with the same key.")
final class AddTaskCommand implements Callable<Integer> {

  private static final Map<String, String> OPTIONS =
      Map.of(
          "repo", "--repo",
          "title", "--title",
          "description", "--description",
          "estimate_points", "--estimate",
          "priority", "--priority",
          "required_skills", "--required-skills",
          "area", "--area",
          "tier", "--tier",
          "key", "--key");

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Option(
      names = "--repo",
      required = true,
      paramLabel = "REPO",
      description = "The repository key.")
  String repo = "";

  @Option(
      names = "--title",
      required = true,
      paramLabel = "TEXT",
      description = "What to do, 1 to 300 characters.")
  String title = "";

  @Option(
      names = "--estimate",
      defaultValue = "1",
      paramLabel = "POINTS",
      description = "Capacity points it takes, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int estimate;

  @Option(
      names = "--priority",
      defaultValue = "10",
      paramLabel = "N",
      description = "0 to 1000, higher first (default: ${DEFAULT-VALUE}).")
  int priority;

  @Option(
      names = "--required-skills",
      defaultValue = "",
      paramLabel = "LIST",
      description = "Comma-separated skills a worker needs, e.g. python,docs.")
  String requiredSkills = "";

  @Option(
      names = "--area",
      paramLabel = "AREA",
      description = "Area lock key, e.g. docs: one task per area at once.")
  @Nullable String area;

  @Option(
      names = "--tier",
      defaultValue = "0",
      paramLabel = "N",
      description = "Trust tier a worker needs, 0 to 3 (default: ${DEFAULT-VALUE}).")
  int tier;

  @Option(names = "--description", paramLabel = "TEXT", description = "Details for the worker.")
  @Nullable String description;

  @Option(
      names = "--key",
      paramLabel = "KEY",
      description = "A stable key within the repository: adding it again updates the task.")
  @Nullable String key;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    TaskSpec task =
        Inputs.valid(
            command,
            OPTIONS,
            () ->
                new TaskSpec(
                    repo,
                    title,
                    description,
                    estimate,
                    priority,
                    Skills.parseCommaList("required_skills", requiredSkills),
                    area,
                    tier,
                    key));
    TaskCreated created = admin.connect(server).createTask(task);
    String verb =
        switch (created.outcome()) {
          case CREATED -> "created";
          case UPDATED -> "updated";
          case UNCHANGED -> "unchanged";
        };
    command.commandLine().getOut().println("Task " + verb + " " + created.taskId());
    return 0;
  }
}
