package dev.owp.cli.github;

/** GitHub refused a request or could not be reached; the message says which, in words. */
public final class GithubAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean unreachable;

  GithubAccessException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  /** True when GitHub could not be reached at all: worth retrying unchanged. */
  public boolean unreachable() {
    return unreachable;
  }
}
