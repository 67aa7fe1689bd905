package dev.owp.protocol.problem;

import java.net.URI;
import java.util.Optional;

/**
 * The kinds of error the API reports, each an RFC 9457 problem type with a stable URI and title.
 * Clients branch on the type, not on the wording of {@code detail}.
 */
public enum ProblemType {
  /** A field is missing or out of range, or a parameter is malformed. */
  INVALID_REQUEST(400, "invalid-request", "Invalid request"),
  /** The body is not well-formed JSON. */
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  /** The task names a repository that is not registered. */
  UNKNOWN_REPO(400, "unknown-repo", "Unknown repository"),
  /** The worker or admin token is missing or wrong. */
  UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
  /** The task is held by another worker (or by none). */
  NOT_YOUR_TASK(403, "not-your-task", "Task not assigned to this worker"),
  /** No such task, worker, repository or path. */
  NOT_FOUND(404, "not-found", "Not found"),
  /** The path exists but not with this method. */
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  /** The requested status change is not an edge of the state machine. */
  ILLEGAL_TRANSITION(409, "illegal-transition", "Illegal status change"),
  /** The worker's lease on the task was taken back (expired, requeued) or replaced. */
  LEASE_LOST(409, "lease-lost", "Lease lost"),
  /** Resuming the task would exceed the worker's declared capacity. */
  CAPACITY_EXCEEDED(409, "capacity-exceeded", "Worker at capacity"),
  /** The request conflicts with the current state, e.g. requeuing a task that is ready. */
  CONFLICT(409, "conflict", "Conflict"),
  /** The body is larger than 1 MiB. */
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  /** The body is not JSON. */
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  /** Something failed inside the server; it was logged. */
  INTERNAL_ERROR(500, "internal-error", "Internal server error"),
  /** The server cannot serve the request right now; retry later. */
  UNAVAILABLE(503, "unavailable", "Service unavailable");

  /** Prefix of every problem type URI. */
  public static final String BASE = "https://owp.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  /** The HTTP status this problem is reported with. */
  public int status() {
    return status;
  }

  /** The fixed title of this kind of problem. */
  public String title() {
    return title;
  }

  /** The stable type URI, e.g. {@code https://owp.dev/problems/lease-lost}. */
  public URI uri() {
    return URI.create(BASE + slug);
  }

  /** The problem type a type URI names, if it is one of ours. */
  public static Optional<ProblemType> fromUri(String uri) {
    for (ProblemType type : values()) {
      if (uri.equals(BASE + type.slug)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
