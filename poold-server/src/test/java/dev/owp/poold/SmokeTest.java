package dev.owp.poold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest extends PooldIntegrationTest {

  @Test
  void aWorkerGetsATaskAndMergesIt() {
    admin().upsertRepo(RepoConfig.of("demo", 2, true));
    var created =
        admin()
            .createTask(
                TaskSpec.of(
                    "demo", "Docs: quickstart", null, 1, 50, List.of("docs"), "docs", 0, null));
    RegisteredWorker alice =
        anonymous().register(WorkerRegistration.of("Alice", null, List.of("Python", "docs"), 5, 2));

    var ack = worker(alice.token()).heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
    List<LeaseView> leases = worker(alice.token()).work().leases();

    assertThat(ack.leasesGranted()).isEqualTo(1);
    assertThat(leases).extracting(LeaseView::taskId).containsExactly(created.taskId());
    worker(alice.token()).updateStatus(created.taskId(), StatusUpdate.to(TaskStatus.IN_PROGRESS));
    worker(alice.token())
        .updateStatus(
            created.taskId(),
            new StatusUpdate(
                TaskStatus.PR_OPENED,
                null,
                Artifact.ofPullRequest("https://github.com/o/r/pull/1"),
                null));
    worker(alice.token()).updateStatus(created.taskId(), StatusUpdate.to(TaskStatus.MERGED));
    var task = admin().task(created.taskId());
    assertThat(task.status()).isEqualTo(TaskStatus.MERGED);
    assertThat(task.artifact().prUrl()).isEqualTo("https://github.com/o/r/pull/1");
  }

  @Test
  void dashboardRenders() {
    var page = raw().get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Dashboard · OWP Pool</title>").doesNotContain("th:");
  }
}
