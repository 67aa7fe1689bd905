package dev.owp.protocol.client;

import dev.owp.protocol.problem.Problem;
import dev.owp.protocol.problem.ProblemType;
import java.util.Optional;

/** The server answered with an error: an HTTP status of 400 or more and a problem detail. */
public final class OwpProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /** Wraps the problem the server sent. */
  public OwpProblemException(Problem problem) {
    super(describe(problem));
    this.problem = problem;
  }

  /** The problem detail. */
  public Problem problem() {
    return problem;
  }

  /** The HTTP status. */
  public int status() {
    return problem.status();
  }

  /** The problem type, if the server used one of OWP's. */
  public Optional<ProblemType> type() {
    return problem.problemType();
  }

  private static String describe(Problem problem) {
    String detail = problem.detail() != null ? problem.detail() : problem.title();
    return "HTTP " + problem.status() + (detail == null ? "" : " " + detail);
  }
}
