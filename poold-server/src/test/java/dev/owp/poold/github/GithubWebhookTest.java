package dev.owp.poold.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.RawHttp;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/github/webhook}: signed pull_request and issues events. */
class GithubWebhookTest extends GithubIntegrationTest {

  private static String pullRequestClosed(int number, boolean merged) {
    return """
        {"action":"closed","number":%d,
         "pull_request":{"number":%d,"merged":%b,"html_url":"https://github.com/acme/app/pull/%d"},
         "repository":{"full_name":"Acme/App"}}
        """
        .formatted(number, number, merged, number);
  }

  private static String issueClosed(int number) {
    return """
        {"action":"closed","issue":{"number":%d},"repository":{"full_name":"acme/app"}}
        """
        .formatted(number);
  }

  private RawHttp.Response deliver(String event, String body, String signature) {
    RawHttp http = raw().header("X-GitHub-Event", event);
    if (signature != null) {
      http = http.header("X-Hub-Signature-256", signature);
    }
    return http.post("/v1/github/webhook", body);
  }

  @Test
  void unsignedAndBadlySignedDeliveriesAreRefusedAndChangeNothing() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    String body = pullRequestClosed(7, true);
    String before = databaseContents();

    assertThat(deliver("pull_request", body, null).status()).isEqualTo(401);
    assertThat(deliver("pull_request", body, "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
    assertThat(deliver("pull_request", body, signed(body + " ")).status()).isEqualTo(401);
    RawHttp.Response refused = deliver("pull_request", body, "sha1=abc");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(databaseContents()).isEqualTo(before);
    assertThat(statusOf(task)).isEqualTo(TaskStatus.PR_OPENED);
  }

  @Test
  void aSignedMergeMergesTheTaskOnceEvenWhenRedelivered() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    String body = pullRequestClosed(7, true);

    RawHttp.Response first = deliver("pull_request", body, signed(body));
    RawHttp.Response again = deliver("pull_request", body, signed(body));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("changed").asInt()).isEqualTo(1);
    assertThat(again.json().path("changed").asInt()).isZero();
    assertThat(statusOf(task)).isEqualTo(TaskStatus.MERGED);
  }

  @Test
  void aSignedCloseWithoutMergeReturnsTheTaskToThePool() {
    TaskId task = issueTask(1);
    openPullRequest(contributor("alice"), task, 7);
    String body = pullRequestClosed(7, false);

    assertThat(deliver("pull_request", body, signed(body)).status()).isEqualTo(200);

    assertThat(statusOf(task)).isEqualTo(TaskStatus.READY);
    assertThat(view(task).attempt()).isEqualTo(1);
  }

  @Test
  void aClosedIssueCancelsItsTaskUnlessAWorkerStartedIt() {
    TaskId waiting = issueTask(1);
    TaskId started = issueTask(2);
    // Alice has room for one task and gets #2; then both issues are closed.
    RegisteredWorker alice =
        anonymous()
            .register(
                dev.owp.protocol.worker.WorkerRegistration.of(
                    "alice", "alice-gh", java.util.List.of(), 10, 1));
    jdbc.sql("UPDATE task SET priority = 999 WHERE task_id = :id")
        .param("id", started.value())
        .update();
    beat(alice);
    assertThat(statusOf(started)).isEqualTo(TaskStatus.LEASED);

    String one = issueClosed(1);
    String two = issueClosed(2);
    assertThat(deliver("issues", one, signed(one)).json().path("changed").asInt()).isEqualTo(1);
    assertThat(deliver("issues", two, signed(two)).json().path("changed").asInt()).isZero();

    assertThat(statusOf(waiting)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(statusOf(started)).isEqualTo(TaskStatus.LEASED);
  }

  private static String issueUnlabeled(int number, String label) {
    return """
        {"action":"unlabeled","label":{"name":"%s"},
         "issue":{"number":%d,"state":"open"},"repository":{"full_name":"acme/app"}}
        """
        .formatted(label, number);
  }

  @Test
  void anIssueLosingAnImportLabelCancelsItsWaitingTask() {
    TaskId defaultLabel = issueTask(1);
    TaskId configuredLabel = issueTask(2);
    TaskId otherLabel = issueTask(3);
    String one = issueUnlabeled(1, "Pool:Ready");
    String two = issueUnlabeled(2, "good first issue");
    String three = issueUnlabeled(3, "bug");

    assertThat(deliver("issues", one, signed(one)).json().path("changed").asInt()).isEqualTo(1);
    assertThat(deliver("issues", two, signed(two)).json().path("changed").asInt()).isEqualTo(1);
    assertThat(deliver("issues", three, signed(three)).json().path("changed").asInt()).isZero();

    assertThat(statusOf(defaultLabel)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(view(defaultLabel).message())
        .isEqualTo("withdrawn: issue acme/app#1 lost the label Pool:Ready");
    assertThat(statusOf(configuredLabel)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(statusOf(otherLabel)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aTaskWithdrawnByTheWebhookComesBackWhenImportedAgain() {
    TaskId task = issueTask(1);
    String closed = issueClosed(1);
    deliver("issues", closed, signed(closed));
    assertThat(statusOf(task)).isEqualTo(TaskStatus.CANCELLED);

    issueTask(1);

    assertThat(statusOf(task)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void aFormEncodedDeliveryIsA415ThatSaysWhatToSetAndChangesNothing() {
    TaskId task = issueTask(1);
    String body = "payload=" + java.net.URLEncoder.encode(issueClosed(1), StandardCharsets.UTF_8);
    String before = databaseContents();

    RawHttp.Response response =
        raw()
            .header("X-GitHub-Event", "issues")
            .header("X-Hub-Signature-256", signed(body))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .post("/v1/github/webhook", body);

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("type").asString())
        .isEqualTo("https://owp.dev/problems/unsupported-media-type");
    assertThat(response.json().path("detail").asString())
        .contains("set the webhook's Content type to application/json");
    assertThat(databaseContents()).isEqualTo(before);
    assertThat(statusOf(task)).isEqualTo(TaskStatus.READY);
  }

  @Test
  void otherSignedEventsAreAcknowledged() {
    String ping = "{\"zen\":\"Keep it logically awesome.\"}";
    RawHttp.Response response = deliver("ping", ping, signed(ping));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("changed").asInt()).isZero();
  }

  @Test
  void withoutASecretNothingIsValid() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSignature.sign("s".getBytes(StandardCharsets.UTF_8), body);
    assertThat(WebhookSignature.valid(null, signature, body)).isFalse();
    assertThat(WebhookSignature.valid(new byte[0], signature, body)).isFalse();
    assertThat(WebhookSignature.valid("s".getBytes(StandardCharsets.UTF_8), signature, body))
        .isTrue();
  }
}
