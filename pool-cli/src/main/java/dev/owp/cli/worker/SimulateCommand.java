package dev.owp.cli.worker;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.common.SigintTrap;
import dev.owp.cli.config.ConfigStore;
import dev.owp.cli.config.WorkerConfig;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.cli.worker.run.WorkerApi;
import dev.owp.cli.worker.run.WorkerLoops;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.scheduling.Skills;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pool worker simulate}: a pretend worker that opens (and merges) fake pull requests. */
@Command(
    name = "simulate",
    description = "Simulates a worker for demos: takes leases and reports fake pull requests.")
final class SimulateCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();

  @Option(
      names = "--register",
      negatable = true,
      description = "Register a new worker first and save its config (default: no).")
  boolean register;

  @Option(
      names = "--name",
      defaultValue = "SimWorker",
      paramLabel = "NAME",
      description = "Name when registering.")
  String name = "SimWorker";

  @Option(names = "--skills", defaultValue = "", paramLabel = "LIST", description = "Skills.")
  String skills = "";

  @Option(
      names = "--capacity",
      defaultValue = "5",
      paramLabel = "POINTS",
      description = "Capacity points.")
  int capacity;

  @Option(
      names = "--max-concurrent",
      defaultValue = "2",
      paramLabel = "N",
      description = "Concurrent tasks.")
  int maxConcurrent;

  @Option(names = "--heartbeat-every", defaultValue = "5", paramLabel = "SECONDS")
  double heartbeatEvery;

  @Option(names = "--poll-every", defaultValue = "3", paramLabel = "SECONDS")
  double pollEvery;

  @Option(
      names = "--open-delay",
      defaultValue = "2",
      paramLabel = "SECONDS",
      description = "Seconds from in_progress to pr_opened.")
  double openDelay;

  @Option(names = "--merge", negatable = true, description = "Also merge each pull request.")
  boolean merge;

  @Option(
      names = "--merge-delay",
      defaultValue = "2",
      paramLabel = "SECONDS",
      description = "Seconds from pr_opened to merged.")
  double mergeDelay;

  @Option(
      names = "--pr-base-url",
      defaultValue = "https://example.com/pr",
      paramLabel = "URL",
      description = "Fake pull requests are <URL>/<task_id> (default: ${DEFAULT-VALUE}).")
  String prBaseUrl = "https://example.com/pr";

  @Option(
      names = "--once",
      description = "Exit once a poll finds no new lease, instead of running until Ctrl-C.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    CommandSpec command = Objects.requireNonNull(spec);
    SimulatedWorker.Settings settings =
        new SimulatedWorker.Settings(
            WorkerLoops.seconds(command, "--heartbeat-every", heartbeatEvery),
            WorkerLoops.seconds(command, "--poll-every", pollEvery),
            WorkerLoops.seconds(command, "--open-delay", openDelay),
            merge,
            WorkerLoops.seconds(command, "--merge-delay", mergeDelay),
            prBaseUrl,
            once);
    Inputs.valid(
        command, Map.of("pr_url", "--pr-base-url"), () -> Artifact.ofPullRequest(prBaseUrl));
    OwpClient client = register ? registered(command) : token.connect(server);
    PrintWriter out = command.commandLine().getOut();
    try (SigintTrap trap = SigintTrap.install(server.environment().stopSignal())) {
      new SimulatedWorker(
              WorkerApi.of(client),
              settings,
              server.environment().stopSignal(),
              out,
              command.commandLine().getErr())
          .run();
    }
    return 0;
  }

  private OwpClient registered(CommandSpec command) {
    WorkerRegistration registration =
        Inputs.valid(
            command,
            RegisterCommand.OPTIONS,
            () ->
                WorkerRegistration.of(
                    name, null, Skills.parseCommaList("skills", skills), capacity, maxConcurrent));
    URI url = server.server();
    RegisteredWorker worker = OwpClient.builder(url).build().register(registration);
    ConfigStore store = server.configStore();
    store.save(new WorkerConfig(url.toString(), worker.workerId().value(), worker.token()));
    command
        .commandLine()
        .getOut()
        .println("Registered worker_id=" + worker.workerId() + " (saved to " + store.file() + ")");
    return OwpClient.builder(url).workerToken(worker.token()).build();
  }
}
