package dev.owp.cli;

import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.Converters;
import dev.owp.cli.common.ErrorReporter;
import dev.owp.cli.common.ExitCodeMapper;
import dev.owp.cli.common.ExitCodes;
import java.io.Console;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point of {@code pool}. {@link #main} is the only place that touches {@code System.out}
 * or calls {@code System.exit}; everything else writes to the command line's writers, so that
 * {@link #run} runs any command in-process for tests.
 */
public final class PoolCli {

  private PoolCli() {}

  /** Runs {@code pool} with the process's environment and exits with the command's exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(
        launch(out, err, System.getenv(), Path.of("").toAbsolutePath(), onTerminal(), args));
  }

  /**
   * Runs one command as a process started in {@code workingDir} with {@code variables} would: an
   * env file that cannot be read is a usage error, told in one line.
   */
  static int launch(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> variables,
      Path workingDir,
      boolean terminal,
      String... args) {
    CliEnvironment environment;
    try {
      environment = CliEnvironment.load(variables, workingDir, terminal);
    } catch (UncheckedIOException e) {
      err.println("pool: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    return run(out, err, environment, args);
  }

  /**
   * True when standard input and output are a terminal. Before Java 22 a console exists only then;
   * from Java 22 on there may be one anyway, and {@code Console.isTerminal()} tells.
   */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Runs one command with {@code environment}, writing to {@code out} and {@code err}. */
  public static int run(
      PrintWriter out, PrintWriter err, CliEnvironment environment, String... args) {
    int code = commandLine(environment, out, err).execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Runs one command with {@code variables} as the real environment and the env files of the
   * current directory.
   */
  public static int run(
      PrintWriter out, PrintWriter err, Map<String, String> variables, String... args) {
    return run(out, err, CliEnvironment.load(variables, Path.of(""), false), args);
  }

  /** The configured command line: writers, error reporting, exit codes and type converters. */
  public static CommandLine commandLine(
      CliEnvironment environment, PrintWriter out, PrintWriter err) {
    ErrorReporter errors = new ErrorReporter();
    CommandLine commandLine =
        new CommandLine(new PoolCommand(environment))
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors)
            .setExitCodeExceptionMapper(new ExitCodeMapper());
    return Converters.register(commandLine);
  }
}
