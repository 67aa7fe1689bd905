package dev.owp.cli.worker;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
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

/** {@code pool worker release TASK_ID}: gives a held task back to the pool. */
@Command(name = "release", description = "Gives a task the worker holds back to the pool.")
final class ReleaseCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();

  @Parameters(paramLabel = "TASK_ID", description = "The task to give back.")
  @Nullable TaskId task;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the maintainers.")
  @Nullable String reason;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    Reason why = Inputs.valid(command, Map.of("reason", "--reason"), () -> Reason.of(reason));
    token.connect(server).release(Objects.requireNonNull(task), why);
    command.commandLine().getOut().println("Released " + task + " back to the pool");
    return 0;
  }
}
