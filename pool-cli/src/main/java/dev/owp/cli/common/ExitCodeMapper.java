package dev.owp.cli.common;

import dev.owp.protocol.client.OwpUnreachableException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** Maps what a command threw to one of the {@link ExitCodes}. */
public final class ExitCodeMapper implements IExitCodeExceptionMapper {

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof OwpUnreachableException) {
      return ExitCodes.SERVER_UNREACHABLE;
    }
    if (exception instanceof ParameterException || exception instanceof UsageException) {
      return ExitCodes.USAGE;
    }
    // A server refusal, or a failure of the command itself: both are "it did not work".
    return ExitCodes.REJECTED;
  }
}
