package dev.owp.poold.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskUpsert;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.task.TaskWithdrawal;
import dev.owp.protocol.task.TaskWithdrawn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bulk import withdraws the tasks of closed issues, unless a worker started them; importing a
 * withdrawn task again puts it back in the pool.
 */
class ImportWithdrawalTest extends GithubIntegrationTest {

  private static TaskWithdrawal withdraw(int issue) {
    return new TaskWithdrawal(REPO, "github:acme/app#" + issue, "issue #" + issue + " was closed");
  }

  @Test
  void readyTasksAreCancelledAndStartedOnesKept() {
    TaskId started = issueTask(1);
    beat(contributor("alice"));
    TaskId waiting = issueTask(2);

    BulkResult result =
        admin().createTasks(new BulkTasks(List.of(), List.of(withdraw(1), withdraw(2))));

    assertThat(result.cancelled()).isEqualTo(1);
    assertThat(result.kept()).isEqualTo(1);
    assertThat(statusOf(started)).isEqualTo(TaskStatus.LEASED);
    assertThat(statusOf(waiting)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(view(waiting).message()).contains("issue #2 was closed");
    assertThat(admin().createTasks(new BulkTasks(List.of(), List.of(withdraw(2)))).withdrawn())
        .extracting(TaskWithdrawn::outcome)
        .containsExactly(TaskWithdrawn.Outcome.UNCHANGED);
  }

  private static TaskSpec issueSpec(int number, String title) {
    return new TaskSpec(
        REPO,
        title,
        null,
        2,
        50,
        List.of("java"),
        null,
        0,
        "github:acme/app#" + number,
        number,
        "https://github.com/acme/app/issues/" + number);
  }

  @Test
  void aWithdrawnTaskImportedAgainIsBackInThePool() {
    TaskId task = issueTask(1);
    admin().createTasks(new BulkTasks(List.of(), List.of(withdraw(1))));
    assertThat(statusOf(task)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(view(task).message()).isEqualTo("withdrawn: issue #1 was closed");

    // The issue was reopened with its label, and retitled meanwhile.
    BulkResult result = admin().createTasks(new BulkTasks(List.of(issueSpec(1, "Reopened"))));

    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.unchanged()).isZero();
    assertThat(result.results()).extracting(TaskUpsert::reopened).containsExactly(true);
    TaskView view = view(task);
    assertThat(view.status()).isEqualTo(TaskStatus.READY);
    assertThat(view.title()).isEqualTo("Reopened");
    assertThat(view.estimatePoints()).isEqualTo(2);
    assertThat(view.requiredSkills()).containsExactly("java");
    assertThat(view.attempt()).isZero();
    assertThat(view.message()).startsWith("reopened");
    List<Map<String, Object>> updates = eventsOfType(EventType.TASK_UPDATE);
    assertThat(updates).hasSize(1);
    assertThat((String) updates.get(0).get("details"))
        .contains("\"changed\":[\"status\",\"title\",")
        .contains("\"from\":\"cancelled\"")
        .contains("\"status\":\"ready\"");
    assertThat((String) eventsOfType(EventType.TASK_CANCELLED).get(0).get("details"))
        .contains("\"withdrawn\":true");

    BulkResult again = admin().createTasks(new BulkTasks(List.of(issueSpec(1, "Reopened"))));
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.results()).extracting(TaskUpsert::reopened).containsExactly(false);
  }

  @Test
  void aTaskAnAdminCancelledStaysCancelled() {
    TaskId task = issueTask(1);
    admin().cancel(task, Reason.of("not needed"));

    BulkResult result = admin().createTasks(new BulkTasks(List.of(issueSpec(1, "Issue 1"))));

    assertThat(result.results()).extracting(TaskUpsert::reopened).containsExactly(false);
    assertThat(statusOf(task)).isEqualTo(TaskStatus.CANCELLED);
    assertThat(view(task).message()).isEqualTo("cancelled by an admin: not needed");
  }

  @Test
  void aReopeningInARefusedRequestLeavesTheTaskCancelled() {
    TaskId task = issueTask(1);
    admin().createTasks(new BulkTasks(List.of(), List.of(withdraw(1))));
    String before = databaseContents();
    TaskSpec unknownRepo =
        new TaskSpec("acme/nowhere", "t", null, 1, 10, List.of(), null, 0, "github:x#1");

    assertThatThrownBy(
            () -> admin().createTasks(new BulkTasks(List.of(issueSpec(1, "Issue 1"), unknownRepo))))
        .isInstanceOf(OwpProblemException.class);

    assertThat(databaseContents()).isEqualTo(before);
    assertThat(statusOf(task)).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void aBadEntryLeavesEverythingAsItWas() {
    issueTask(2);
    String before = databaseContents();
    TaskSpec unknownRepo =
        new TaskSpec("acme/nowhere", "t", null, 1, 10, List.of(), null, 0, "github:x#1");

    assertThatThrownBy(
            () -> admin().createTasks(new BulkTasks(List.of(unknownRepo), List.of(withdraw(2)))))
        .isInstanceOf(OwpProblemException.class);

    assertThat(databaseContents()).isEqualTo(before);
  }
}
