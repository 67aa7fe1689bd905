package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.worker.TierChange;
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

/** {@code pool admin set-tier WORKER_ID TIER}: sets how much a worker is trusted. */
@Command(
    name = "set-tier",
    description =
        "Sets a worker's trust tier (0 to 3): it then takes tasks of that tier and below.")
final class SetTierCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(index = "0", paramLabel = "WORKER_ID", description = "The worker.")
  @Nullable WorkerId worker;

  @Parameters(index = "1", paramLabel = "TIER", description = "0 to 3.")
  int tier;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the event log.")
  @Nullable String reason;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    TierChange change =
        Inputs.valid(
            command,
            Map.of("tier", "TIER", "reason", "--reason"),
            () -> new TierChange(tier, reason));
    WorkerView view = admin.connect(server).setTier(Objects.requireNonNull(worker), change);
    command
        .commandLine()
        .getOut()
        .println(
            "Worker " + view.workerId() + " (" + view.name() + ") is now tier " + view.trustTier());
    return 0;
  }
}
