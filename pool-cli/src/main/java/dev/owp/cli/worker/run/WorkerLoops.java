package dev.owp.cli.worker.run;

import dev.owp.cli.common.CliEnvironment;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Builds the parts of a {@link WorkerLoop} from the options of {@code pool worker run}. */
public final class WorkerLoops {

  private WorkerLoops() {}

  /**
   * A loop that shows the worker's leases as a table, in place and at most {@code columns} wide
   * when {@code ansi}.
   */
  public static WorkerLoop.HandlerFactory leaseBoard(PrintWriter out, boolean ansi, int columns) {
    return (worker, wake) -> new LeaseBoard(out, ansi, columns);
  }

  /** A loop that runs {@code command} in {@code workdir} for each new lease. */
  public static WorkerLoop.HandlerFactory executor(
      WorkerApi api,
      String command,
      Path workdir,
      CliEnvironment env,
      PrintWriter out,
      PrintWriter err) {
    CommandLauncher launcher =
        new CommandLauncher(command, workdir, api.server(), env.allVariables(), out);
    return (worker, wake) ->
        new TaskExecutor(api, launcher, worker.maxConcurrentTasks(), out, err, wake);
  }

  /**
   * The command with a leading {@code ./script} or {@code ../script} made absolute when that file
   * exists in {@code cwd}: the command runs in the work directory, but the user named the script
   * from where they stand ({@code pool worker run --exec ./my-agent.sh --workdir ~/src}).
   */
  public static String absoluteScript(String command, Path cwd) {
    String trimmed = command.strip();
    if (!trimmed.startsWith("./") && !trimmed.startsWith("../")) {
      return command;
    }
    int end = trimmed.indexOf(' ');
    String script = end < 0 ? trimmed : trimmed.substring(0, end);
    Path file = cwd.resolve(script).normalize();
    if (!Files.isRegularFile(file) || file.toString().contains("'")) {
      return command;
    }
    return "'" + file + "'" + (end < 0 ? "" : trimmed.substring(end));
  }

  /** A positive number of seconds from option {@code name}. */
  public static Duration seconds(CommandSpec spec, String name, double seconds) {
    if (!(seconds > 0) || seconds > 86_400) {
      throw new ParameterException(
          spec.commandLine(), name + " must be between 0 and 86400 seconds, got " + seconds);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
