package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerView;
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

/** {@code pool admin pause-worker WORKER_ID}: stops a worker from getting new tasks. */
@Command(
    name = "pause-worker",
    description = "Stops a worker from getting new tasks; only an admin can resume it.")
final class PauseWorkerCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(paramLabel = "WORKER_ID", description = "The worker.")
  @Nullable WorkerId worker;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the event log.")
  @Nullable String reason;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    Reason why = Inputs.valid(command, Map.of("reason", "--reason"), () -> Reason.of(reason));
    WorkerView view = admin.connect(server).pauseWorker(Objects.requireNonNull(worker), why);
    command.commandLine().getOut().println("Paused " + view.workerId() + " (" + view.name() + ")");
    return 0;
  }
}
