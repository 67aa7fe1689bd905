package dev.owp.protocol.problem;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail as a client reads it.
 *
 * @param type the problem type URI; see {@link ProblemType}
 * @param title fixed per type
 * @param status the HTTP status
 * @param detail what went wrong with this request, in words; v0.1 clients print it
 */
public record Problem(
    @Nullable String type, @Nullable String title, int status, @Nullable String detail) {

  /** The problem's type, if it is one of ours. */
  public Optional<ProblemType> problemType() {
    return type == null ? Optional.empty() : ProblemType.fromUri(type);
  }
}
