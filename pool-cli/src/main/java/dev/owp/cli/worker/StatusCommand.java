package dev.owp.cli.worker;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
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

/** {@code pool worker status TASK_ID --status S}: reports on a task by hand. */
@Command(name = "status", description = "Reports a status for a task the worker holds.")
final class StatusCommand implements Callable<Integer> {

  private static final Map<String, String> OPTIONS =
      Map.of("status", "--status", "message", "--message", "pr_url", "--pr");

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();

  @Parameters(paramLabel = "TASK_ID", description = "The task, e.g. t_3f9c0a1b2c3d4e5f.")
  @Nullable TaskId task;

  @Option(
      names = "--status",
      required = true,
      paramLabel = "STATUS",
      description = "in_progress, blocked, pr_opened or merged.")
  @Nullable TaskStatus status;

  @Option(names = "--message", paramLabel = "TEXT", description = "Why, or what happened.")
  @Nullable String message;

  @Option(names = "--pr", paramLabel = "URL", description = "The pull request's URL.")
  @Nullable String pr;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    StatusUpdate update =
        Inputs.valid(
            command,
            OPTIONS,
            () ->
                StatusUpdate.of(
                    status, message, pr == null ? null : Artifact.ofPullRequest(pr), null));
    StatusAck ack = token.connect(server).updateStatus(Objects.requireNonNull(task), update);
    command.commandLine().getOut().println("Updated " + task + ": " + ack.status().wireName());
    return 0;
  }
}
