package dev.owp.cli.common;

/**
 * The user's input is wrong in a way found while running rather than while parsing the command
 * line: a task file, the saved configuration, a missing token. Reported without a stack trace and
 * with exit code {@link ExitCodes#USAGE}. A message may span several lines, one per problem.
 */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A problem described in words. */
  public UsageException(String message) {
    super(message);
  }

  /** A problem caused by {@code cause}, e.g. an unreadable file. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
