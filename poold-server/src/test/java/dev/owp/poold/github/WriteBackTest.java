package dev.owp.poold.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Write-back comments: one per event, never duplicated by retries or a second replica. */
class WriteBackTest extends GithubIntegrationTest {

  private static final String COMMENTS_1 = "/repos/acme/app/issues/1/comments";

  private void githubAcceptsComments() {
    GITHUB.stubFor(
        post(urlPathEqualTo(COMMENTS_1))
            .willReturn(aResponse().withStatus(201).withBody("{\"id\":1}")));
  }

  @Test
  void pickedUpPullRequestOpenedAndBackInThePoolAreEachCommentedOnOnce() {
    githubAcceptsComments();
    TaskId task = issueTask(1);
    comments.runOnce(); // starts reading the audit log here
    RegisteredWorker alice = contributor("alice");
    openPullRequest(alice, task, 7);
    admin().requeue(task, Reason.of("abandoned"));

    CommentWriter.Report first = comments.runOnce();
    CommentWriter.Report second = comments.runOnce();
    clock.advance(Duration.ofHours(2));
    CommentWriter.Report later = comments.runOnce();

    assertThat(first.enqueued()).isEqualTo(3);
    assertThat(first.sent()).isEqualTo(3);
    assertThat(second.enqueued() + second.sent() + later.enqueued() + later.sent()).isZero();
    GITHUB.verify(3, postRequestedFor(urlEqualTo(COMMENTS_1)));
    GITHUB.verify(
        1,
        postRequestedFor(urlEqualTo(COMMENTS_1))
            .withRequestBody(containing("Picked up by @alice-gh")));
    GITHUB.verify(
        1,
        postRequestedFor(urlEqualTo(COMMENTS_1))
            .withRequestBody(
                containing("Pull request opened: https://github.com/acme/app/pull/7")));
    GITHUB.verify(
        1,
        postRequestedFor(urlEqualTo(COMMENTS_1))
            .withRequestBody(containing("Back in the OWP Pool (admin)")));
  }

  @Test
  void aFailedCommentIsRetriedUntilGithubTakesItAndThenNeverAgain() {
    GITHUB.stubFor(
        post(urlPathEqualTo(COMMENTS_1))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("up"));
    GITHUB.stubFor(
        post(urlPathEqualTo(COMMENTS_1))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(201).withBody("{\"id\":1}")));
    GITHUB.stubFor(get(urlPathEqualTo(COMMENTS_1)).willReturn(okJson("[]")));
    TaskId task = issueTask(1);
    comments.runOnce();
    beat(contributor("alice"));

    assertThat(comments.runOnce().failed()).isEqualTo(1);
    assertThat(comments.runOnce().sent()).as("waits for its backoff").isZero();
    clock.advance(Duration.ofMinutes(2));
    assertThat(comments.runOnce().sent()).isEqualTo(1);
    clock.advance(Duration.ofHours(2));
    assertThat(comments.runOnce().sent()).isZero();

    GITHUB.verify(2, postRequestedFor(urlEqualTo(COMMENTS_1)));
    assertThat(statusOf(task)).isNotNull();
  }

  @Test
  void aCommentWhoseAnswerWasLostIsNotPostedTwice() {
    // GitHub stored the comment but the answer never arrived (502 from a proxy): the retry
    // finds the comment's marker on the issue and does not post again.
    GITHUB.stubFor(post(urlPathEqualTo(COMMENTS_1)).willReturn(aResponse().withStatus(502)));
    issueTask(1);
    comments.runOnce();
    beat(contributor("alice"));
    assertThat(comments.runOnce().failed()).isEqualTo(1);
    String body =
        jdbc.sql("SELECT body FROM github_comment")
            .query(String.class)
            .single()
            .replace("\n", "\\n");
    GITHUB.stubFor(
        get(urlPathEqualTo(COMMENTS_1)).willReturn(okJson("[{\"body\":\"" + body + "\"}]")));

    clock.advance(Duration.ofMinutes(2));
    assertThat(comments.runOnce().sent()).isEqualTo(1);

    GITHUB.verify(1, postRequestedFor(urlEqualTo(COMMENTS_1)));
  }

  @Test
  void repositoriesThatDidNotOptInGetNoComments() {
    githubAcceptsComments();
    repo("acme/other", 5, false);
    admin()
        .createTask(
            new TaskSpec(
                "acme/other",
                "Elsewhere",
                null,
                1,
                10,
                List.of(),
                null,
                0,
                "github:acme/other#1",
                1,
                "https://github.com/acme/other/issues/1"));
    comments.runOnce();
    beat(contributor("alice"));

    assertThat(comments.runOnce().enqueued()).isZero();
    GITHUB.verify(0, postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }
}
