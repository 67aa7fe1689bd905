package dev.owp.poold.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few GitHub REST calls poold makes, over the JDK's HTTP client: the pull request of a task
 * (with {@code If-None-Match}, so an unchanged one costs no rate limit) and issue comments.
 *
 * <p>It watches the rate limit on every answer: once {@code X-RateLimit-Remaining} reaches 0 (or
 * GitHub answers 403/429 with a limit header or {@code Retry-After}), every call is refused locally
 * until the reset time, without a request.
 */
@Component
class GithubApi {

  private static final Logger log = LoggerFactory.getLogger(GithubApi.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** What GitHub said about a pull request. */
  sealed interface PullAnswer {}

  /** Unchanged since the ETag we sent (304). */
  record NotModified() implements PullAnswer {}

  /** The pull request's state now. */
  record Pull(String state, boolean merged, @Nullable String etag) implements PullAnswer {}

  /** GitHub refused or failed; try again later. */
  record Failed(String reason) implements PullAnswer {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final GithubProperties properties;
  private final GithubCredentials credentials;
  private final Clock clock;
  private volatile Instant blockedUntil = Instant.EPOCH;

  GithubApi(GithubProperties properties, GithubCredentials credentials, Clock clock) {
    this.properties = properties;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** When the rate limit lets poold call GitHub again, if it is exhausted now. */
  Optional<Instant> rateLimitedUntil() {
    Instant until = blockedUntil;
    return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
  }

  /** Forgets an exhausted rate limit, e.g. after the token was replaced. */
  void liftRateLimit() {
    blockedUntil = Instant.EPOCH;
  }

  /** The pull request {@code ref}, conditionally on {@code etag}. */
  PullAnswer pull(PullRequestRef ref, @Nullable String etag) {
    HttpRequest.Builder request = request(ref.owner() + "/" + ref.name(), ref.apiPath()).GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    Answer answer = send(request.build());
    if (answer.failure != null) {
      return new Failed(answer.failure);
    }
    if (answer.status == 304) {
      return new NotModified();
    }
    if (answer.status != 200) {
      return new Failed("GitHub answered " + answer.status + " for " + ref.key());
    }
    JsonNode body = json.readTree(answer.body);
    return new Pull(
        body.path("state").asString(""),
        body.path("merged").asBoolean(false),
        answer.response == null ? null : answer.response.headers().firstValue("ETag").orElse(null));
  }

  /** Posts a comment on an issue; returns a failure reason, or empty when GitHub took it. */
  Optional<String> comment(String repo, int issue, String body) {
    String payload = json.writeValueAsString(Map.of("body", body));
    Answer answer =
        send(
            request(repo, "/repos/" + repo + "/issues/" + issue + "/comments")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build());
    if (answer.failure != null) {
      return Optional.of(answer.failure);
    }
    return answer.status == 201
        ? Optional.empty()
        : Optional.of(
            "GitHub answered " + answer.status + " to a comment on " + repo + "#" + issue);
  }

  /**
   * True when a comment made or edited since {@code since} contains {@code marker}: a comment whose
   * sending was interrupted may have reached GitHub, and must not be posted twice.
   */
  Optional<Boolean> hasComment(String repo, int issue, String marker, Instant since) {
    // GitHub lists comments oldest first: "since" keeps a long discussion to one page.
    String query = "?per_page=100&since=" + since.truncatedTo(ChronoUnit.SECONDS);
    Answer answer =
        send(
            request(repo, "/repos/" + repo + "/issues/" + issue + "/comments" + query)
                .GET()
                .build());
    if (answer.failure != null || answer.status != 200) {
      return Optional.empty();
    }
    for (JsonNode comment : json.readTree(answer.body)) {
      if (comment.path("body").asString("").contains(marker)) {
        return Optional.of(true);
      }
    }
    return Optional.of(false);
  }

  private HttpRequest.Builder request(String repo, String path) {
    String base = properties.apiUrl().toString().replaceAll("/+$", "");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "owp-poold");
    credentials.token(repo).ifPresent(token -> builder.header("Authorization", "Bearer " + token));
    return builder;
  }

  private record Answer(
      int status, String body, @Nullable HttpResponse<String> response, @Nullable String failure) {}

  private Answer send(HttpRequest request) {
    Optional<Instant> limited = rateLimitedUntil();
    if (limited.isPresent()) {
      return new Answer(0, "", null, "rate limited until " + limited.get());
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      noteRateLimit(response);
      if (response.statusCode() == 401) {
        return new Answer(401, "", response, "GitHub rejected the token (401)");
      }
      return new Answer(response.statusCode(), response.body(), response, null);
    } catch (IOException e) {
      return new Answer(0, "", null, "GitHub unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", null, "interrupted");
    }
  }

  private void noteRateLimit(HttpResponse<String> response) {
    var headers = response.headers();
    Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining");
    Optional<String> reset = headers.firstValue("X-RateLimit-Reset");
    Optional<String> retryAfter = headers.firstValue("Retry-After");
    Instant until = null;
    if (remaining.map(String::strip).filter("0"::equals).isPresent() && reset.isPresent()) {
      until = Instant.ofEpochSecond(parseLong(reset.get(), 60));
    } else if ((response.statusCode() == 403 || response.statusCode() == 429)
        && retryAfter.isPresent()) {
      until = clock.instant().plusSeconds(parseLong(retryAfter.get(), 60));
    }
    if (until != null && until.isAfter(blockedUntil)) {
      blockedUntil = until;
      log.warn("GitHub rate limit reached: no GitHub calls until {}", until);
    }
  }

  private static long parseLong(String value, long fallback) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
