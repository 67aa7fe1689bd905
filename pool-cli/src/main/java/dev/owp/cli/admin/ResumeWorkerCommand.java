package dev.owp.cli.admin;

import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerView;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pool admin resume-worker WORKER_ID}: lifts any pause on a worker. */
@Command(name = "resume-worker", description = "Lifts any pause on a worker.")
final class ResumeWorkerCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(paramLabel = "WORKER_ID", description = "The worker.")
  @Nullable WorkerId worker;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    WorkerView view = admin.connect(server).resumeWorker(Objects.requireNonNull(worker));
    command.commandLine().getOut().println("Resumed " + view.workerId() + " (" + view.name() + ")");
    return 0;
  }
}
