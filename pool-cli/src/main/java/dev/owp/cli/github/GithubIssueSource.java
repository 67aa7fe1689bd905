package dev.owp.cli.github;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHRateLimit;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;

/**
 * Issues of one repository, read with {@code org.kohsuke:github-api}. Rate limits fail at once (the
 * library's default would sleep until the reset), and every failure becomes a {@link
 * GithubAccessException} that says what to do.
 */
public final class GithubIssueSource implements IssueSource {

  private static final int PAGE_SIZE = 100;

  // github-api logs each connection retry at INFO on standard error; the command reports the
  // failure itself, in one line. A strong reference keeps the level from being collected.
  private static final Logger CLIENT_LOG = Logger.getLogger("org.kohsuke.github.GitHubClient");

  static {
    CLIENT_LOG.setLevel(Level.WARNING);
  }

  private final GitHub github;
  private final GHRepository repository;
  private final String apiUrl;
  private final String fullName;

  private GithubIssueSource(GitHub github, GHRepository repository, String apiUrl, String name) {
    this.github = github;
    this.repository = repository;
    this.apiUrl = apiUrl;
    this.fullName = name;
  }

  /**
   * Connects to {@code apiUrl} and opens {@code fullName} (owner/name).
   *
   * @param token null for anonymous access (public repositories, a low rate limit)
   */
  public static GithubIssueSource open(String apiUrl, @Nullable String token, String fullName) {
    GitHubBuilder builder =
        new GitHubBuilder()
            .withEndpoint(apiUrl)
            .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    if (token != null) {
      builder.withOAuthToken(token);
    }
    GitHub github = null;
    try {
      github = builder.build();
      return new GithubIssueSource(github, github.getRepository(fullName), apiUrl, fullName);
    } catch (IOException e) {
      throw explain(e, github, apiUrl, fullName);
    }
  }

  @Override
  public Listing openIssuesLabelled(String label, int limit) {
    List<GithubIssue> issues = new ArrayList<>();
    try {
      Iterator<GHIssue> pages =
          repository
              .queryIssues()
              .label(label)
              .state(GHIssueState.OPEN)
              .pageSize(Math.min(PAGE_SIZE, Math.max(limit, 1)))
              .list()
              .iterator();
      // The issues API lists pull requests too; they are passed on (to be skipped, with a line in
      // the summary) but only real issues count toward the limit.
      int counted = 0;
      while (counted < limit && pages.hasNext()) {
        GithubIssue next = issue(pages.next());
        issues.add(next);
        counted += next.pullRequest() ? 0 : 1;
      }
      return new Listing(issues, pages.hasNext());
    } catch (GHException e) {
      throw explain(
          e.getCause() instanceof IOException io ? io : new IOException(e),
          github,
          apiUrl,
          fullName);
    }
  }

  @Override
  public Optional<GithubIssue> issue(int number) {
    try {
      return Optional.of(issue(repository.getIssue(number)));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw explain(e, github, apiUrl, fullName);
    }
  }

  private static GithubIssue issue(GHIssue issue) {
    List<String> labels = new ArrayList<>();
    for (GHLabel label : issue.getLabels()) {
      labels.add(label.getName());
    }
    return new GithubIssue(
        issue.getNumber(),
        issue.getTitle() == null ? "" : issue.getTitle(),
        issue.getBody(),
        String.valueOf(issue.getHtmlUrl()),
        issue.getState() == GHIssueState.OPEN,
        issue.isPullRequest(),
        labels);
  }

  private static GithubAccessException explain(
      IOException e, @Nullable GitHub github, String apiUrl, String fullName) {
    String nothing = "; nothing was imported";
    if (e instanceof FileNotFoundException) {
      return new GithubAccessException(
          "GitHub has no repository "
              + fullName
              + " (404): check the name, and that the token may read it if it is private"
              + nothing,
          false,
          e);
    }
    if (unreachable(e)) {
      return new GithubAccessException(
          "cannot reach GitHub at " + apiUrl + " (" + rootCause(e) + ")" + nothing, true, e);
    }
    if (e instanceof HttpException http) {
      int code = http.getResponseCode();
      if (code == 401) {
        return new GithubAccessException(
            "GitHub rejected the token (401): check --github-token or GITHUB_TOKEN" + nothing,
            false,
            e);
      }
      if (code == 403 || code == 429) {
        Optional<Instant> reset = resetTime(github);
        if (reset.isPresent()) {
          return new GithubAccessException(
              "GitHub's rate limit is used up"
                  + whenReset(reset.get())
                  + "; a token (--github-token or GITHUB_TOKEN) raises the limit"
                  + nothing,
              false,
              e);
        }
        if (secondaryRateLimit(http)) {
          return new GithubAccessException(
              "GitHub's secondary rate limit was hit (too many requests in a short time)"
                  + retryAfter(http).map(GithubIssueSource::whenRetry).orElse("; wait a minute")
                  + " and run the import again"
                  + nothing,
              false,
              e);
        }
        return new GithubAccessException(
            "GitHub refused access to " + fullName + " (" + code + ")" + nothing, false, e);
      }
      return new GithubAccessException(
          "GitHub answered " + code + " for " + fullName + nothing, false, e);
    }
    return new GithubAccessException(
        "reading " + fullName + " from GitHub failed: " + e.getMessage() + nothing, true, e);
  }

  /** True when no answer came back: the connection failed (github-api reports code -1). */
  private static boolean unreachable(IOException e) {
    if (e instanceof HttpException http && http.getResponseCode() >= 0) {
      return false;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException
          || cause instanceof UnknownHostException
          || cause instanceof HttpConnectTimeoutException
          || cause instanceof InterruptedIOException) {
        return true;
      }
    }
    return e instanceof HttpException;
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static Optional<Instant> resetTime(@Nullable GitHub github) {
    if (github == null) {
      return Optional.empty();
    }
    GHRateLimit limit = github.lastRateLimit();
    if (limit == null || limit.getCore().getRemaining() > 0) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(limit.getCore().getResetEpochSeconds()));
  }

  /**
   * GitHub's secondary (abuse) limits answer 403 or 429, usually with {@code Retry-After};
   * github-api reports those as "Abuse limit reached", others keep GitHub's message ("You have
   * exceeded a secondary rate limit").
   */
  private static boolean secondaryRateLimit(HttpException http) {
    String message = String.valueOf(http.getMessage()).toLowerCase(Locale.ROOT);
    return http.getResponseCode() == 429
        || header(http, "Retry-After").isPresent()
        || header(http, "gh-limited-by").isPresent()
        || message.contains("rate limit")
        || message.contains("abuse");
  }

  /** When {@code Retry-After} (seconds, or an HTTP date) says to try again. */
  private static Optional<Instant> retryAfter(HttpException http) {
    Optional<String> value = header(http, "Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.now().plusSeconds(Math.max(0, Long.parseLong(value.get()))));
    } catch (NumberFormatException notSeconds) {
      try {
        return Optional.of(
            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException neither) {
        return Optional.empty(); // unreadable: the message falls back to "wait a minute"
      }
    }
  }

  private static Optional<String> header(HttpException http, String name) {
    Map<String, List<String>> headers = http.getResponseHeaderFields();
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> h.getValue().stream())
        .findFirst();
  }

  private static String whenRetry(Instant at) {
    long seconds = Math.max(0, Duration.between(Instant.now(), at).toSeconds());
    return "; retry after "
        + at.truncatedTo(ChronoUnit.SECONDS)
        + " (in "
        + (seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min")
        + ")";
  }

  private static String whenReset(Instant reset) {
    long minutes = Math.max(0, Duration.between(Instant.now(), reset).plusSeconds(59).toMinutes());
    return "; it resets at " + reset + " (in " + minutes + " min)";
  }
}
