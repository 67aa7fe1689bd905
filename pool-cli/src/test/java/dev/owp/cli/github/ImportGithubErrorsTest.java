package dev.owp.cli.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.owp.cli.github.FakeGithub.issue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.TaskQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** GitHub failures are one clear line, and none of them leaves a partial import. */
@ExtendWith(PooldExtension.class)
class ImportGithubErrorsTest {

  @TempDir Path home;

  private final FakeGithub github = new FakeGithub();
  private TestPool pool;
  private Cli cli;
  private String repo;

  @BeforeEach
  void setUp(PooldServer server) {
    pool = new TestPool(server);
    cli = Cli.against(server, home);
    repo = TestPool.unique("acme") + "/app";
    pool.admin().upsertRepo(new RepoConfig(repo, 2, true));
  }

  @AfterEach
  void stopGithub() {
    github.close();
  }

  private Result importIssues(String apiUrl) {
    return cli.run("admin", "import-github-issues", repo, "--github-api-url", apiUrl);
  }

  private void assertNothingImported() {
    assertThat(pool.admin().tasks(new TaskQuery(repo, null, 10, null)).tasks()).isEmpty();
  }

  @Test
  void aRejectedTokenSaysSo() {
    github.failEverything(401);

    Result result = importIssues(github.url());

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err())
        .startsWith("pool: GitHub rejected the token (401)")
        .contains("nothing was imported");
    assertNothingImported();
  }

  @Test
  void anExhaustedRateLimitSaysWhenItResets() {
    long reset = Instant.now().plusSeconds(1800).getEpochSecond();
    github.failEverything(
        403,
        "X-RateLimit-Limit",
        "60",
        "X-RateLimit-Remaining",
        "0",
        "X-RateLimit-Reset",
        Long.toString(reset));

    Result result = importIssues(github.url());

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err())
        .contains("rate limit")
        .contains("resets at " + Instant.ofEpochSecond(reset));
    assertNothingImported();
  }

  @Test
  void aSecondaryRateLimitSaysWhenToRetryWithoutWaitingForIt() {
    for (int status : new int[] {403, 429}) {
      github.refuseEverything(
          status,
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          "Retry-After",
          "60",
          "X-RateLimit-Limit",
          "5000",
          "X-RateLimit-Remaining",
          "4990");
      Instant before = Instant.now();

      Result result = importIssues(github.url());

      result.assertExit(ExitCodes.REJECTED);
      assertThat(result.err())
          .as("status %d", status)
          .startsWith("pool: GitHub's secondary rate limit was hit")
          .containsPattern("retry after \\S+ \\(in (59|60) s\\)")
          .contains("nothing was imported")
          .doesNotContain("refused access");
      Instant retry = Instant.parse(result.err().replaceFirst("(?s).*retry after (\\S+) .*", "$1"));
      assertThat(retry).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
      assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(20));
      assertNothingImported();
    }
  }

  @Test
  void aSecondaryRateLimitWithoutRetryAfterStillSaysWhatItIs() {
    github.refuseEverything(403, "You have exceeded a secondary rate limit.");

    Result result = importIssues(github.url());

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err())
        .startsWith("pool: GitHub's secondary rate limit was hit")
        .contains("wait a minute");
  }

  @Test
  void aForbiddenRepositoryIsNotCalledARateLimit() {
    github.refuseEverything(403, "Resource not accessible by personal access token");

    Result result = importIssues(github.url());

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).startsWith("pool: GitHub refused access to " + repo + " (403)");
  }

  @Test
  void anUnknownRepositoryIsA404() {
    github
        .wiremock()
        .stubFor(
            get(urlPathEqualTo("/repos/" + repo))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));

    Result result = importIssues(github.url());

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).contains("GitHub has no repository " + repo + " (404)");
    assertNothingImported();
  }

  @Test
  void aFailureOnALaterPageImportsNothing() {
    github
        .repository(repo)
        .labelled(
            repo,
            "pool:ready",
            List.of(issue(repo, 1, "One", true, "pool:ready")),
            List.of(issue(repo, 2, "Two", true, "pool:ready")));
    github
        .wiremock()
        .stubFor(
            get(urlPathEqualTo("/repos/" + repo + "/issues"))
                .withQueryParam(
                    "page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .atPriority(1)
                .willReturn(
                    aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

    Result result = importIssues(github.url());

    result.assertExit(ExitCodes.REJECTED);
    assertThat(result.err()).contains("GitHub rejected the token (401)");
    assertNothingImported();
  }

  @Test
  void githubOutOfReachIsAClearMessage() {
    String closed = "http://127.0.0.1:" + PooldServer.freePort();

    Result result = importIssues(closed);

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).startsWith("pool: cannot reach GitHub at " + closed);
    assertNothingImported();
  }

  @Test
  void anUnregisteredRepositoryNeedsCreateRepo() {
    Result result =
        cli.run(
            "admin",
            "import-github-issues",
            "acme/unregistered-" + TestPool.unique("x"),
            "--github-api-url",
            github.url());

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err()).contains("--create-repo");
  }
}
