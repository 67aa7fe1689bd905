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

/**
 * {@code pool admin remove-worker WORKER_ID}: removes a worker and returns its tasks to the pool.
 */
@Command(
    name = "remove-worker",
    description =
        "Removes a worker: its token stops working and its held tasks go back to the pool.")
final class RemoveWorkerCommand implements Callable<Integer> {

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
    WorkerView view = admin.connect(server).removeWorker(Objects.requireNonNull(worker), why);
    command.commandLine().getOut().println("Removed " + view.workerId() + " (" + view.name() + ")");
    return 0;
  }
}
