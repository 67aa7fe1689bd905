package dev.owp.cli.worker;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.Inputs;
import dev.owp.cli.common.UsageException;
import dev.owp.cli.config.ConfigStore;
import dev.owp.cli.config.WorkerConfig;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.scheduling.Skills;
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

/** {@code pool worker register}: registers a worker and saves its id and token. */
@Command(
    name = "register",
    description = "Registers a worker with poold and saves server, worker id and token.")
final class RegisterCommand implements Callable<Integer> {

  /** Option names by wire field, for the registration's own validation messages. */
  static final Map<String, String> OPTIONS =
      Map.of(
          "name", "--name",
          "skills", "--skills",
          "capacity_points", "--capacity",
          "max_concurrent_tasks", "--max-concurrent",
          "github_handle", "--github-handle");

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "A display name, e.g. Alice.")
  String name = "";

  @Option(
      names = "--skills",
      defaultValue = "",
      paramLabel = "LIST",
      description = "Comma-separated skills, e.g. python,docs.")
  String skills = "";

  @Option(
      names = "--capacity",
      paramLabel = "POINTS",
      defaultValue = "5",
      description = "Estimate points taken on at once (default: ${DEFAULT-VALUE}).")
  int capacity;

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      defaultValue = "2",
      description = "Tasks taken on at once (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Option(names = "--github-handle", paramLabel = "LOGIN", description = "Your GitHub login.")
  @Nullable String githubHandle;

  @Option(
      names = "--save",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Save server, worker id and token to the config file (default: save).")
  boolean save = true;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    WorkerRegistration registration =
        Inputs.valid(
            command,
            OPTIONS,
            () ->
                WorkerRegistration.of(
                    name,
                    githubHandle,
                    Skills.parseCommaList("skills", skills),
                    capacity,
                    maxConcurrent));
    URI url = server.server();
    ConfigStore store = server.configStore();
    if (save) {
      // Before registering: a worker whose token cannot be saved would be left behind.
      store.prepare();
    }
    RegisteredWorker worker = OwpClient.builder(url).build().register(registration);
    PrintWriter out = command.commandLine().getOut();
    out.println("Registered worker_id=" + worker.workerId());
    out.println("Token: " + worker.token());
    out.flush();
    if (save) {
      try {
        store.save(new WorkerConfig(url.toString(), worker.workerId().value(), worker.token()));
      } catch (UsageException e) {
        notSaved(command.commandLine().getErr(), worker, e);
        return ExitCodes.REJECTED;
      }
      out.println("Saved config to " + store.file());
    }
    return ExitCodes.OK;
  }

  /** The worker exists on the server all the same: its token must not be lost. */
  private static void notSaved(PrintWriter err, RegisteredWorker worker, UsageException e) {
    err.println("pool: " + e.getMessage());
    err.println(
        "pool: worker "
            + worker.workerId()
            + " is registered all the same; keep its token, e.g. as OWP_TOKEN="
            + worker.token());
    err.flush();
  }
}
