package dev.owp.poold.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** poold follows the pull requests of pr_opened tasks on GitHub. */
class PullRequestFollowTest extends GithubIntegrationTest {

  private static final String PULL_7 = "/repos/acme/app/pulls/7";

  @Test
  void aMergedPullRequestMergesTheTaskAndFreesTheBudget() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    GITHUB.stubFor(get(PULL_7).willReturn(okJson("{\"state\":\"closed\",\"merged\":true}")));

    PullRequestFollower.Report report = follower.runOnce();

    assertThat(report.merged()).isEqualTo(1);
    assertThat(statusOf(task)).isEqualTo(TaskStatus.MERGED);
    assertThat(admin().state().tasksLeased()).isZero();
    GITHUB.verify(
        getRequestedFor(urlEqualTo(PULL_7))
            .withHeader("Authorization", equalTo("Bearer ghp_test_token")));
  }

  @Test
  void aRepositoryWithItsOwnTokenIsAskedWithIt() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, "https://github.com/acme/special/pull/9/files");
    GITHUB.stubFor(
        get("/repos/acme/special/pulls/9")
            .willReturn(okJson("{\"state\":\"closed\",\"merged\":true}")));

    follower.runOnce();

    assertThat(statusOf(task)).isEqualTo(TaskStatus.MERGED);
    GITHUB.verify(
        getRequestedFor(urlEqualTo("/repos/acme/special/pulls/9"))
            .withHeader("Authorization", equalTo("Bearer ghp_special_token")));
  }

  @Test
  void aPullRequestClosedWithoutMergeSendsTheTaskBackToThePool() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    GITHUB.stubFor(get(PULL_7).willReturn(okJson("{\"state\":\"closed\",\"merged\":false}")));

    follower.runOnce();

    TaskView view = view(task);
    assertThat(view.status()).isEqualTo(TaskStatus.READY);
    assertThat(view.attempt()).isEqualTo(1);
    assertThat(view.workerId()).isNull();
    assertThat(view.message())
        .isEqualTo("requeued (pull request closed without merge): acme/app#7");
  }

  @Test
  void anOpenPullRequestIsAskedAgainWithItsEtagAndCostsNothingWhenUnchanged() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    GITHUB.stubFor(
        get(PULL_7)
            .withHeader("If-None-Match", absent())
            .willReturn(
                okJson("{\"state\":\"open\",\"merged\":false}").withHeader("ETag", "\"v1\"")));
    GITHUB.stubFor(
        get(PULL_7)
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304)));

    assertThat(follower.runOnce().polled()).isEqualTo(1);
    assertThat(follower.runOnce().polled()).as("not due again yet").isZero();
    clock.advance(Duration.ofSeconds(3601));
    assertThat(follower.runOnce().polled()).isEqualTo(1);

    assertThat(statusOf(task)).isEqualTo(TaskStatus.PR_OPENED);
    GITHUB.verify(2, getRequestedFor(urlEqualTo(PULL_7)));
    GITHUB.verify(
        1, getRequestedFor(urlEqualTo(PULL_7)).withHeader("If-None-Match", equalTo("\"v1\"")));
  }

  @Test
  void twoReplicasPollingAtOnceAskGithubOncePerPullRequest() throws Exception {
    for (int i = 1; i <= 5; i++) {
      RegisteredWorker worker = contributor("w" + i);
      openPullRequest(worker, issueTask(i), 100 + i);
    }
    GITHUB.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/repos/acme/app/pulls/.*"))
            .willReturn(okJson("{\"state\":\"closed\",\"merged\":true}")));

    CompletableFuture<PullRequestFollower.Report> one =
        CompletableFuture.supplyAsync(follower::runOnce);
    CompletableFuture<PullRequestFollower.Report> two =
        CompletableFuture.supplyAsync(follower::runOnce);

    assertThat(one.get().merged() + two.get().merged()).isEqualTo(5);
    assertThat(one.get().polled() + two.get().polled()).isEqualTo(5);
    GITHUB.verify(
        5,
        getRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlMatching(
                "/repos/acme/app/pulls/.*")));
    assertThat(admin().state().tasksMerged()).isEqualTo(5);
  }

  @Test
  void anExhaustedRateLimitStopsPollingUntilItResets() {
    openPullRequest(contributor("alice"), issueTask(1), 7);
    openPullRequest(contributor("bob"), issueTask(2), 8);
    long reset = clock.instant().plusSeconds(600).getEpochSecond();
    GITHUB.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/repos/acme/app/pulls/.*"))
            .willReturn(
                okJson("{\"state\":\"open\",\"merged\":false}")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", Long.toString(reset))));

    PullRequestFollower.Report report = follower.runOnce();

    assertThat(report.polled()).isEqualTo(1);
    assertThat(report.rateLimited()).isTrue();
    assertThat(api.rateLimitedUntil()).contains(java.time.Instant.ofEpochSecond(reset));
    GITHUB.verify(1, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));

    clock.advance(Duration.ofSeconds(601));
    assertThat(follower.runOnce().polled())
        .as("the second pull request, after the reset")
        .isEqualTo(1);
  }

  @Test
  void aRejectedTokenChangesNothing() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    GITHUB.stubFor(
        get(PULL_7)
            .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

    PullRequestFollower.Report report = follower.runOnce();

    assertThat(report.polled()).isEqualTo(1);
    assertThat(report.merged() + report.returned()).isZero();
    assertThat(statusOf(task)).isEqualTo(TaskStatus.PR_OPENED);
  }
}
