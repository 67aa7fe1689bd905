package dev.owp.poold.web;

import dev.owp.protocol.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every API error as an RFC 9457 problem detail with a stable {@code type}, a fixed {@code title}
 * and a {@code detail} sentence (v0.1 clients print {@code detail}). Spring's own exceptions are
 * handled by the base class and given OWP types here.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException e) {
    ProblemDetail problem = Problems.of(e.type(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.type().status());
    if (e.type() == ProblemType.UNAUTHENTICATED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    Throwable cause = e.getMostSpecificCause();
    String why =
        cause instanceof IllegalArgumentException && cause.getMessage() != null
            ? cause.getMessage()
            : "'" + e.getValue() + "' is not valid";
    return ResponseEntity.badRequest()
        .body(Problems.of(ProblemType.INVALID_REQUEST, e.getName() + ": " + why));
  }

  /**
   * Two requests created the same thing at once (e.g. tasks with one key, on PostgreSQL where
   * writers run in parallel): the loser is told to retry, and its retry finds the winner's row.
   */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    return ResponseEntity.status(409)
        .body(
            Problems.of(ProblemType.CONFLICT, "A concurrent request made the same change; retry"));
  }

  @ExceptionHandler({PessimisticLockingFailureException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> busy(RuntimeException e) {
    log.warn("Database busy, request refused with 503: {}", e.getMessage());
    return ResponseEntity.status(503)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(Problems.of(ProblemType.UNAVAILABLE, "The database is busy; retry in a moment"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error while serving a request", e);
    return ResponseEntity.internalServerError()
        .body(
            Problems.of(
                ProblemType.INTERNAL_ERROR,
                "Internal server error; the poold log has the details"));
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return problem(ProblemType.PAYLOAD_TOO_LARGE, "Request body is larger than 1 MiB");
      }
    }
    if (e.getCause() instanceof JacksonException json) {
      ProblemType type =
          JsonErrors.isMalformed(json) ? ProblemType.MALFORMED_JSON : ProblemType.INVALID_REQUEST;
      return problem(type, JsonErrors.describe(json));
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    return problem(
        ProblemType.INVALID_REQUEST,
        message.startsWith("Required request body is missing")
            ? "A JSON request body is required"
            : "Unreadable request body");
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(
        ProblemType.NOT_FOUND,
        "No such endpoint: " + e.getHttpMethod() + " /" + e.getResourcePath());
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (body == null && e instanceof ErrorResponse response) {
      // Spring's handlers pass no body for their own exceptions (405, 415, ...): take the
      // exception's problem detail, so that it gets an OWP type like every other error.
      body = response.getBody();
    }
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      ProblemType type = Problems.typeFor(status.value());
      problem.setType(type.uri());
      problem.setTitle(type.title());
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private static ResponseEntity<Object> problem(ProblemType type, String detail) {
    return ResponseEntity.status(type.status()).body(Problems.of(type, detail));
  }
}
