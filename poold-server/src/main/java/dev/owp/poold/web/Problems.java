package dev.owp.poold.web;

import dev.owp.protocol.problem.ProblemType;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details whose {@code type} and {@code title} come from {@link ProblemType}. */
public final class Problems {

  private Problems() {}

  /** A problem of {@code type} saying {@code detail}. */
  public static ProblemDetail of(ProblemType type, String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
    problem.setType(type.uri());
    problem.setTitle(type.title());
    return problem;
  }

  /** The problem type that fits an HTTP status Spring chose for one of its own exceptions. */
  static ProblemType typeFor(int status) {
    return switch (status) {
      case 401 -> ProblemType.UNAUTHENTICATED;
      case 403 -> ProblemType.NOT_YOUR_TASK;
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 409 -> ProblemType.CONFLICT;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
      case 503 -> ProblemType.UNAVAILABLE;
      default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
    };
  }
}
