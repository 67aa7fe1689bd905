package dev.owp.cli.common;

/**
 * The exit codes of {@code pool}, listed in the root help. Scripts branch on them: only {@link
 * #SERVER_UNREACHABLE} is worth retrying unchanged.
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** The server refused the request (its answer is printed), or the command failed otherwise. */
  public static final int REJECTED = 1;

  /** The command line, a file it names, or the configuration is wrong; nothing was sent. */
  public static final int USAGE = 2;

  /** The server could not be reached. */
  public static final int SERVER_UNREACHABLE = 3;

  private ExitCodes() {}
}
