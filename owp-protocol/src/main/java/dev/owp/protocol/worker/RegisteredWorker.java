package dev.owp.protocol.worker;

/**
 * The answer to a registration: the worker's id and its bearer token. The token is shown this once;
 * the server keeps only its hash.
 */
public record RegisteredWorker(WorkerId workerId, String token) {

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "RegisteredWorker[workerId=" + workerId + ", token=(redacted)]";
  }
}
