package dev.owp.poold.github;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the GitHub tests: poold talks to a fake GitHub (WireMock) with a token, a webhook secret
 * and write-back on for {@code acme/app}. Polling and write-back run only when a test calls them.
 */
abstract class GithubIntegrationTest extends PooldIntegrationTest {

  static final String SECRET = "webhook-secret-for-tests";
  static final String REPO = "acme/app";

  static final WireMockServer GITHUB = new WireMockServer(options().dynamicPort());

  static {
    GITHUB.start();
    Runtime.getRuntime().addShutdownHook(new Thread(GITHUB::stop));
  }

  @Autowired PullRequestFollower follower;
  @Autowired CommentWriter comments;
  @Autowired GithubApi api;

  @DynamicPropertySource
  static void githubProperties(DynamicPropertyRegistry registry) {
    registry.add("owp.github.api-url", GITHUB::baseUrl);
    registry.add("owp.github-token", () -> "ghp_test_token");
    registry.add("owp.github-repo-tokens", () -> "Acme/Special=ghp_special_token");
    registry.add("owp.github-webhook-secret", () -> SECRET);
    registry.add("owp.github.write-back", () -> REPO);
    registry.add("owp.github.poll", () -> "3600");
    registry.add("owp.github.import-labels", () -> "Good First Issue");
  }

  @BeforeEach
  void resetGithub() {
    GITHUB.resetAll();
    api.liftRateLimit();
    for (String table : new String[] {"github_pr_watch", "github_comment", "github_cursor"}) {
      jdbc.sql("DELETE FROM " + table).update();
    }
    repo(REPO, 5, false);
  }

  /** A ready task imported from issue {@code number} of acme/app. */
  TaskId issueTask(int number) {
    return admin()
        .createTask(
            new TaskSpec(
                REPO,
                "Issue " + number,
                null,
                1,
                10,
                List.of(),
                null,
                0,
                "github:acme/app#" + number,
                number,
                "https://github.com/acme/app/issues/" + number))
        .taskId();
  }

  /** A worker with a GitHub handle and room for one task. */
  RegisteredWorker contributor(String name) {
    return anonymous().register(WorkerRegistration.of(name, name + "-gh", List.of(), 10, 1));
  }

  /** Leases {@code task} to {@code worker} and reports its pull request #{@code pr}. */
  void openPullRequest(RegisteredWorker worker, TaskId task, int pr) {
    openPullRequest(worker, task, "https://github.com/acme/app/pull/" + pr);
  }

  /** Leases {@code task} to {@code worker} and reports the pull request at {@code prUrl}. */
  void openPullRequest(RegisteredWorker worker, TaskId task, String prUrl) {
    beat(worker);
    as(worker)
        .updateStatus(
            task,
            new StatusUpdate(TaskStatus.PR_OPENED, null, Artifact.ofPullRequest(prUrl), null));
  }

  /** The signature GitHub would send with {@code body}. */
  static String signed(String body) {
    return WebhookSignature.sign(
        SECRET.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
  }
}
