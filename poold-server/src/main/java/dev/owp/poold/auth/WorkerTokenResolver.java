package dev.owp.poold.auth;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.Reader;
import dev.owp.poold.web.ApiException;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link AuthenticatedWorker} parameters from {@code Authorization: Bearer <token>}, with
 * v0.1's messages: "Missing Authorization header", "Expected Bearer token", "Invalid worker token".
 * A token found valid a moment ago is taken from {@link WorkerTokenCache} without a read.
 */
@Component
class WorkerTokenResolver implements HandlerMethodArgumentResolver {

  private static final String FIND_BY_TOKEN_HASH =
      """
      SELECT worker_id, token_hash, leases_renewed_at
        FROM worker
       WHERE token_hash = :hash AND removed_at IS NULL
      """;

  private final JdbcClient jdbc;
  private final WorkerTokenCache cache;

  WorkerTokenResolver(@Reader JdbcClient jdbc, WorkerTokenCache cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == AuthenticatedWorker.class;
  }

  @Override
  public AuthenticatedWorker resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw unauthenticated("Missing Authorization header");
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
      throw unauthenticated("Expected Bearer token");
    }
    String hash = Tokens.hash(header.substring("bearer ".length()).strip());
    return cache.find(hash).orElseGet(() -> lookUp(hash));
  }

  private AuthenticatedWorker lookUp(String hash) {
    long start = cache.lookupStarts();
    AuthenticatedWorker worker =
        jdbc.sql(FIND_BY_TOKEN_HASH)
            .param("hash", hash)
            .query(
                (rs, i) ->
                    new StoredToken(
                        rs.getString("worker_id"),
                        rs.getString("token_hash"),
                        EpochMillis.readNullable(rs, "leases_renewed_at")))
            .optional()
            .filter(stored -> Tokens.sameHash(hash, stored.hash()))
            .map(
                stored ->
                    new AuthenticatedWorker(
                        WorkerId.of(stored.workerId()), stored.leasesRenewedAt()))
            .orElseThrow(() -> unauthenticated("Invalid worker token"));
    cache.remember(hash, worker, start);
    return worker;
  }

  private record StoredToken(String workerId, String hash, @Nullable Instant leasesRenewedAt) {}

  private static ApiException unauthenticated(String detail) {
    return new ApiException(ProblemType.UNAUTHENTICATED, detail);
  }
}
