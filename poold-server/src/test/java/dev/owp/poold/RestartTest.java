package dev.owp.poold;

import static dev.owp.poold.support.StandalonePoold.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.StandalonePoold;
import dev.owp.poold.support.TaskSpecBuilder;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart keeps everything: a worker's token still works, its leases are still held with the same
 * expiry, and repositories, tasks and events are all there. Two real poold starts on one SQLite
 * file, each in its own short-lived context.
 */
class RestartTest {

  private static final String ADMIN_TOKEN = "restart-admin-token-0123456789";

  @TempDir Path folder;

  @Test
  void aRestartKeepsTokensLeasesAndHistory() {
    Path db = folder.resolve("nested/pool.db");
    RegisteredWorker alice;
    TaskId leased;
    TaskId opened;
    TaskId waiting;
    WorkList workBefore;
    List<TaskView> tasksBefore;
    List<RepoView> reposBefore;
    List<EventView> eventsBefore;

    try (ConfigurableApplicationContext first = start(db)) {
      OwpClient anonymous = client(first, null, null);
      OwpClient admin = client(first, null, ADMIN_TOKEN);
      admin.admin().upsertRepo(RepoConfig.of("demo", 3, true));
      leased =
          admin
              .admin()
              .createTask(TaskSpecBuilder.aTask("demo").priority(90).inArea("auth").build())
              .taskId();
      opened =
          admin.admin().createTask(TaskSpecBuilder.aTask("demo").priority(80).build()).taskId();
      waiting = admin.admin().createTask(TaskSpecBuilder.aTask("demo").tier(3).build()).taskId();
      alice = anonymous.register(WorkerRegistration.of("alice", null, List.of("java"), 5, 3));
      OwpClient worker = client(first, alice.token(), null);
      worker.heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
      worker.updateStatus(opened, StatusUpdate.to(TaskStatus.PR_OPENED));

      workBefore = worker.work();
      tasksBefore =
          List.of(
              admin.admin().task(leased), admin.admin().task(opened), admin.admin().task(waiting));
      reposBefore = admin.admin().repos().repos();
      eventsBefore =
          admin.admin().events(new EventQuery(null, null, null, null, 500, null)).events();
    }
    assertThat(Files.exists(db)).isTrue();
    assertThat(workBefore.leases()).hasSize(2);

    try (ConfigurableApplicationContext second = start(db)) {
      OwpClient worker = client(second, alice.token(), null);
      OwpClient admin = client(second, null, ADMIN_TOKEN);

      assertThat(worker.work()).isEqualTo(workBefore);
      assertThat(worker.me().workerId()).isEqualTo(alice.workerId());
      assertThat(
              List.of(
                  admin.admin().task(leased),
                  admin.admin().task(opened),
                  admin.admin().task(waiting)))
          .isEqualTo(tasksBefore);
      assertThat(admin.admin().repos().repos()).isEqualTo(reposBefore);
      assertThat(admin.admin().events(new EventQuery(null, null, null, null, 500, null)).events())
          .isEqualTo(eventsBefore);
      assertThat(admin.admin().worker(alice.workerId()).usedPoints()).isEqualTo(1);
      assertThat(admin.admin().worker(alice.workerId()).heldTasks()).isEqualTo(2);

      // And the pool carries on where it stopped.
      assertThat(worker.updateStatus(opened, StatusUpdate.to(TaskStatus.MERGED)).status())
          .isEqualTo(TaskStatus.MERGED);
      assertThat(worker.updateStatus(leased, StatusUpdate.to(TaskStatus.IN_PROGRESS)).status())
          .isEqualTo(TaskStatus.IN_PROGRESS);
    }
  }

  private static ConfigurableApplicationContext start(Path db) {
    return StandalonePoold.start(ADMIN_TOKEN, "owp.db=" + db);
  }
}
