package dev.owp.protocol.client;

import java.net.URI;

/**
 * The server could not be reached, or did not answer in time. Unlike an {@link
 * OwpProblemException}, retrying later may succeed.
 */
public final class OwpUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Says which server and why, e.g. {@code cannot reach http://127.0.0.1:8787: connection refused}.
   */
  public OwpUnreachableException(URI server, String why, Throwable cause) {
    super("cannot reach " + server + ": " + why, cause);
  }
}
