package dev.owp.cli.worker;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.WorkerView;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pool worker pause}: no new leases until {@code pool worker resume}. */
@Command(
    name = "pause",
    description = "Stops the worker from getting new tasks; it keeps the ones it holds.")
final class PauseCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the maintainers.")
  @Nullable String reason;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    Reason why = Inputs.valid(command, Map.of("reason", "--reason"), () -> Reason.of(reason));
    WorkerView worker = token.connect(server).pause(why);
    command
        .commandLine()
        .getOut()
        .println(
            "Paused "
                + worker.workerId()
                + ": no new tasks until `pool worker resume` (it keeps its "
                + worker.heldTasks()
                + " held)");
    return 0;
  }
}
