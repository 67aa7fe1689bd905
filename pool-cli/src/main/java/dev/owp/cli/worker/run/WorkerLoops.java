package dev.owp.cli.worker.run;

import dev.owp.cli.common.CliEnvironment;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Builds the parts of a {@link WorkerLoop} from the options of {@code pool worker run}. */
public final class WorkerLoops {

  /**
   * Characters the shell expands or interprets in a word (or an assignment's) before running it.
   */
  private static final Pattern SHELL_EXPANDS = Pattern.compile("[$`'\"\\\\*?\\[;&|<>(){}=]");

  private WorkerLoops() {}

  /**
   * A loop that shows the worker's leases as a table, in place and at most {@code columns} wide
   * when {@code ansi}.
   */
  public static WorkerLoop.HandlerFactory leaseBoard(PrintWriter out, boolean ansi, int columns) {
    return (worker, api, wake) -> new LeaseBoard(out, ansi, columns);
  }

  /** A loop that runs {@code command} in {@code workdir} for each new lease of {@code server}. */
  public static WorkerLoop.HandlerFactory executor(
      URI server,
      String command,
      Path workdir,
      CliEnvironment env,
      PrintWriter out,
      PrintWriter err) {
    CommandLauncher launcher =
        new CommandLauncher(command, workdir, server, env.allVariables(), out);
    return (worker, api, wake) ->
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

  /**
   * What is wrong with the script {@code command} starts with, or null when nothing is, or when it
   * cannot be told before the command runs. Only a first word naming a file is checked ({@code
   * ./agent.sh}, {@code ../x}, {@code /abs/x}, {@code bin/x}): a bare name such as {@code claude}
   * is found through {@code PATH} by the shell, and a word the shell would expand first ({@code
   * $HOME/x}, quotes, globs) is left to it. A relative path may name a file in {@code cwd} (see
   * {@link #absoluteScript}) or in {@code workdir}, where the shell looks for it.
   */
  public static @Nullable String scriptProblem(String command, Path cwd, Path workdir, Path home) {
    String trimmed = command.strip();
    int end = trimmed.indexOf(' ');
    String script = end < 0 ? trimmed : trimmed.substring(0, end);
    if (!script.contains("/") || SHELL_EXPANDS.matcher(script).find()) {
      return null;
    }
    if (script.startsWith("~/")) {
      script = home + script.substring(1);
    }
    Path path = Path.of(script);
    List<Path> candidates =
        path.isAbsolute() ? List.of(path) : List.of(cwd.resolve(path), workdir.resolve(path));
    for (Path file : candidates) {
      if (Files.isRegularFile(file.normalize())) {
        return Files.isExecutable(file.normalize())
            ? null
            : file.normalize() + " is not executable (chmod +x it)";
      }
    }
    String where =
        path.isAbsolute() || cwd.equals(workdir)
            ? ""
            : " (looked in " + cwd + " and " + workdir + ")";
    return "no such script: " + script + where;
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
