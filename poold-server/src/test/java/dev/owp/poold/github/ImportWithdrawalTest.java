package dev.owp.poold.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskWithdrawal;
import dev.owp.protocol.task.TaskWithdrawn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk import withdraws the tasks of closed issues, unless a worker started them. */
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
