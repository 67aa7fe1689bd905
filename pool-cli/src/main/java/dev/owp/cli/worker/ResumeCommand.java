package dev.owp.cli.worker;

import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.protocol.worker.WorkerView;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pool worker resume}: lifts the worker's own pause (an admin's pause stays). */
@Command(name = "resume", description = "Lets the worker get new tasks again.")
final class ResumeCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();

  @Override
  public Integer call() {
    WorkerView worker = token.connect(server).resume();
    Objects.requireNonNull(spec)
        .commandLine()
        .getOut()
        .println("Resumed " + worker.workerId() + ": it gets new tasks again");
    return 0;
  }
}
