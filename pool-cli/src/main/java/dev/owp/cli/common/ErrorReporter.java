package dev.owp.cli.common;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.client.OwpUnreachableException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports failures the way a command line should: one clear line on standard error, such as {@code
 * pool: HTTP 409 Cannot move task from merged to in_progress: …} or {@code pool: cannot reach
 * http://127.0.0.1:8787: connection refused}, and the stack trace only with {@code --verbose}. The
 * exit code comes from the command line's {@link ExitCodeMapper}.
 */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    String hint = "";
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      hint =
          suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
    } else if (!command.getSubcommands().isEmpty() && !command.getParseResult().hasSubcommand()) {
      // A group alone (pool worker): its list of commands is the useful answer.
      command.usage(err);
    }
    err.println(name + ": " + e.getMessage() + hint + " (see " + name + " --help)");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    if (CliContext.of(command.getCommandSpec()).verbose()) {
      e.printStackTrace(err);
    }
    for (String line : describe(e).split("\n")) {
      err.println("pool: " + line);
    }
    err.flush();
    return command.getExitCodeExceptionMapper() == null
        ? ExitCodes.REJECTED
        : command.getExitCodeExceptionMapper().getExitCode(e);
  }

  /** The words for a failure: the server's answer, the unreachable server, or the problem. */
  static String describe(Throwable e) {
    if (e instanceof OwpProblemException
        || e instanceof OwpUnreachableException
        || e instanceof UsageException) {
      return String.valueOf(e.getMessage());
    }
    // Not an expected failure: name it so a bug report can quote it.
    return e + " (run with --verbose for the stack trace)";
  }
}
