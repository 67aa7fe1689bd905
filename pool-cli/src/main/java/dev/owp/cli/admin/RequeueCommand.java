package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskView;
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
 * {@code pool admin requeue TASK_ID}: sends a held task back to the pool, e.g. one whose pull
 * request was abandoned.
 */
@Command(
    name = "requeue",
    description = "Sends a held task back to the pool (e.g. an abandoned pull request).")
final class RequeueCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(paramLabel = "TASK_ID", description = "The task.")
  @Nullable TaskId task;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the event log.")
  @Nullable String reason;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    Reason why = Inputs.valid(command, Map.of("reason", "--reason"), () -> Reason.of(reason));
    TaskView view = admin.connect(server).requeue(Objects.requireNonNull(task), why);
    command
        .commandLine()
        .getOut()
        .println("Requeued " + view.taskId() + ": now " + view.status().wireName());
    return 0;
  }
}
