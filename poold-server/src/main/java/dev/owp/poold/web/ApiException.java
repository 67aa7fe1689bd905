package dev.owp.poold.web;

import dev.owp.protocol.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request the API refuses, reported as an RFC 9457 problem of {@code type} with {@code detail}.
 * Thrown inside a transaction, it also rolls the transaction back: a refused request changes
 * nothing.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient Map<String, Object> properties = new LinkedHashMap<>();

  /** A problem of {@code type} with {@code detail}. */
  public ApiException(ProblemType type, String detail) {
    super(detail, null, false, false);
    this.type = type;
  }

  /** Adds an extension member, e.g. {@code task_id}. */
  public ApiException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  /** The problem type. */
  public ProblemType type() {
    return type;
  }

  /** Extension members. */
  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  /** A 400 for a value the records could not reject themselves. */
  public static ApiException invalid(String detail) {
    return new ApiException(ProblemType.INVALID_REQUEST, detail);
  }

  /** A 404. */
  public static ApiException notFound(String detail) {
    return new ApiException(ProblemType.NOT_FOUND, detail);
  }

  /**
   * A value built from request parameters, such as a page query; when its constructor refuses them,
   * the refusal is a 400 with its message instead of an unexpected error.
   */
  public static <T> T validated(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw invalid(String.valueOf(e.getMessage()));
    }
  }

  /** A 409 conflict with the current state. */
  public static ApiException conflict(String detail) {
    return new ApiException(ProblemType.CONFLICT, detail);
  }
}
