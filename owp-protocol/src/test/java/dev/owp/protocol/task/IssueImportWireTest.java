package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.json.OwpJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields added for issue imports are additive: a task's issue, withdrawals in a bulk request
 * and their answers. Absent, the JSON is exactly v0.1's.
 */
class IssueImportWireTest {

  private final JsonMapper server = OwpJson.mapper(OwpJson.Strictness.STRICT);
  private final JsonMapper client = OwpJson.mapper(OwpJson.Strictness.LENIENT);

  private static TaskSpec fromIssue(int number) {
    return new TaskSpec(
        "acme/app",
        "Issue " + number,
        null,
        1,
        10,
        List.of(),
        null,
        0,
        "github:acme/app#" + number,
        number,
        "https://github.com/acme/app/issues/" + number);
  }

  @Test
  void aTaskWithoutAnIssueWritesNoIssueFields() {
    String json =
        server.writeValueAsString(
            TaskSpec.of("demo", "t", null, null, null, null, null, null, null));
    assertThat(json).doesNotContain("issue_");
  }

  @Test
  void aTaskFromAnIssueRoundTrips() {
    String json = client.writeValueAsString(fromIssue(12));

    assertThat(json)
        .contains("\"issue_number\":12")
        .contains("\"issue_url\":\"https://github.com/acme/app/issues/12\"");
    assertThat(server.readValue(json, TaskSpec.class)).isEqualTo(fromIssue(12));
  }

  @Test
  void issueFieldsAreValidated() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t", null, null, null, null, null, null, null, 0, null))
        .withMessageContaining("issue_number");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t", null, null, null, null, null, null, null, 1, "ftp://x"))
        .withMessageContaining("issue_url");
  }

  @Test
  void aBulkRequestWithoutWithdrawalsIsV01Shaped() {
    String json = client.writeValueAsString(new BulkTasks(List.of(fromIssue(1))));

    assertThat(json).doesNotContain("withdraw");
    assertThat(
            server
                .readValue("{\"tasks\":[{\"repo\":\"demo\",\"title\":\"t\"}]}", BulkTasks.class)
                .withdraw())
        .isEmpty();
  }

  @Test
  void withdrawalsMayStandAloneButNotRepeatAKey() {
    TaskWithdrawal gone = new TaskWithdrawal("acme/app", "github:acme/app#1", "issue closed");

    BulkTasks onlyWithdrawals =
        server.readValue(
            client.writeValueAsString(new BulkTasks(List.of(), List.of(gone))), BulkTasks.class);

    assertThat(onlyWithdrawals.withdraw()).containsExactly(gone);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BulkTasks(List.of(fromIssue(1)), List.of(gone)))
        .withMessageContaining("withdraw[0].key");
    assertThatIllegalArgumentException().isThrownBy(() -> new BulkTasks(List.of(), List.of()));
  }

  @Test
  void aV01BulkAnswerIsReadWithNoWithdrawals() {
    BulkResult result =
        client.readValue(
            "{\"ok\":true,\"created\":1,\"updated\":0,\"unchanged\":0,"
                + "\"results\":[{\"task_id\":\"t_0123456789abcdef\",\"key\":null,\"outcome\":\"created\"}]}",
            BulkResult.class);

    assertThat(result.created()).isEqualTo(1);
    assertThat(result.cancelled()).isZero();
    assertThat(result.withdrawn()).isEmpty();
    assertThat(client.writeValueAsString(result))
        .doesNotContain("withdrawn")
        .doesNotContain("kept");
  }

  @Test
  void withdrawalsAreCountedByOutcome() {
    TaskId id = TaskId.of("t_0123456789abcdef");
    BulkResult result =
        BulkResult.of(
            List.of(),
            List.of(
                new TaskWithdrawn(id, "a", TaskWithdrawn.Outcome.CANCELLED),
                new TaskWithdrawn(id, "b", TaskWithdrawn.Outcome.KEPT),
                new TaskWithdrawn(id, "c", TaskWithdrawn.Outcome.UNCHANGED)));

    assertThat(result.cancelled()).isEqualTo(1);
    assertThat(result.kept()).isEqualTo(1);
    assertThat(client.writeValueAsString(result)).contains("\"outcome\":\"kept\"");
  }
}
