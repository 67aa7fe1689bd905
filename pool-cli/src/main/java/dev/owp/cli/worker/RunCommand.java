package dev.owp.cli.worker;

import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.SigintTrap;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.cli.connect.WorkerTokenOptions;
import dev.owp.cli.worker.run.Backoff;
import dev.owp.cli.worker.run.WorkerApi;
import dev.owp.cli.worker.run.WorkerLoop;
import dev.owp.cli.worker.run.WorkerLoops;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pool worker run}: the worker loop, showing leases or running a command per lease. */
@Command(
    name = "run",
    description = {
      "Runs the worker: heartbeats, takes leases, and shows them or runs --exec for each.",
      "",
      "With --exec, each new lease is marked in_progress and the command runs through sh -c in "
          + "--workdir with OWP_TASK_ID, OWP_TASK_TITLE, OWP_TASK_DESCRIPTION, OWP_REPO, "
          + "OWP_TASK_AREA, OWP_REQUIRED_SKILLS, OWP_SERVER, OWP_LEASE_ID and OWP_TASK_FILE (the "
          + "lease as JSON) in its environment. Exit 0 with a pull request URL in its output (the "
          + "last https://.../pull/N) moves the task to pr_opened; otherwise it is blocked with the "
          + "exit code and the last lines of output.",
      "",
      "Ctrl-C stops taking work and waits for running commands; a second Ctrl-C kills them and "
          + "releases their tasks."
    })
final class RunCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin WorkerTokenOptions token = new WorkerTokenOptions();

  @Option(
      names = "--heartbeat-every",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Seconds between heartbeats (default: ${DEFAULT-VALUE}).")
  double heartbeatEvery;

  @Option(
      names = "--poll-every",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Seconds between fetches of the worker's tasks (default: ${DEFAULT-VALUE}).")
  double pollEvery;

  @Option(
      names = "--exec",
      paramLabel = "CMD",
      description =
          "Command to run per lease, e.g. ./my-agent.sh (a ./ or ../ script is found from the "
              + "current directory, else the --workdir; a script given as a path must exist and "
              + "be executable).")
  @Nullable String exec;

  @Option(
      names = "--workdir",
      paramLabel = "DIR",
      description = "Directory the command runs in (default: the current directory).")
  @Nullable Path workdir;

  @Option(names = "--once", description = "Handle the current leases, wait for them, and exit.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    CommandSpec command = Objects.requireNonNull(spec);
    CliEnvironment env = server.environment();
    WorkerLoop.Settings settings =
        new WorkerLoop.Settings(
            WorkerLoops.seconds(command, "--heartbeat-every", heartbeatEvery),
            WorkerLoops.seconds(command, "--poll-every", pollEvery),
            once);
    Path dir = env.resolve(workdir == null ? Path.of("") : workdir);
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(
          command.commandLine(), "--workdir " + dir + " is not a directory");
    }
    checkScript(command, env, dir);
    WorkerApi api = WorkerApi.of(token.connect(server));
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    WorkerLoop.HandlerFactory handlers =
        exec == null || exec.isBlank()
            ? WorkerLoops.leaseBoard(out, env.terminal(), env.columns())
            : WorkerLoops.executor(
                api.server(),
                WorkerLoops.absoluteScript(exec, env.workingDir()),
                dir,
                env,
                out,
                err);
    out.println("Worker loop started. Server=" + api.server());
    out.flush();
    try (SigintTrap trap = SigintTrap.install(env.stopSignal())) {
      return new WorkerLoop(api, handlers, settings, env.stopSignal(), Backoff.standard(), out, err)
          .run();
    }
  }

  /**
   * Refuses a script that is missing or not executable before any work is taken: otherwise each
   * task leased would run it, fail with exit code 127 or 126, and be blocked.
   */
  private void checkScript(CommandSpec command, CliEnvironment env, Path dir) {
    if (exec != null && !exec.isBlank()) {
      String problem = WorkerLoops.scriptProblem(exec, env.workingDir(), dir, env.home());
      if (problem != null) {
        throw new ParameterException(command.commandLine(), "--exec: " + problem);
      }
    }
  }
}
