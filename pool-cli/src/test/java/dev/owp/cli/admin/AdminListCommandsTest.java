package dev.owp.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import dev.owp.cli.testing.TestPool;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerPage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Watching and correcting: tasks, workers, events, requeue, cancel, tiers, pauses, removal. */
@ExtendWith(PooldExtension.class)
class AdminListCommandsTest {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);

  @TempDir Path home;

  private Cli cli;
  private TestPool pool;
  private String repo;
  private TaskId held;
  private TaskId ready;
  private RegisteredWorker worker;

  @BeforeEach
  void aWorkerHoldingOneOfTwoTasks(PooldServer poold) {
    cli = Cli.against(poold, home);
    pool = new TestPool(poold);
    repo = pool.repo(3);
    String skill = TestPool.unique("skill");
    held = pool.task(repo, "held", skill);
    worker = pool.worker(skill, 1);
    poold.worker(worker.token()).heartbeat(Heartbeat.of(null, null));
    ready = pool.task(repo, "ready", skill);
  }

  @Test
  void tasksFilterByRepoAndStatusAndPage() {
    Result table = cli.run("admin", "tasks", "--repo", repo);
    TaskPage leased = tasks("--repo", repo, "--status", "leased");
    TaskPage first = tasks("--repo", repo, "--limit", "1");
    TaskPage all = tasks("--repo", repo, "--all");

    assertThat(table.out()).contains(held.value(), ready.value(), "leased", "ready");
    assertThat(leased.tasks()).extracting(t -> t.taskId()).containsExactly(held);
    assertThat(first.tasks()).hasSize(1);
    assertThat(first.nextCursor()).isNotNull();
    assertThat(cli.run("admin", "tasks", "--repo", repo, "--limit", "1").out())
        .contains("(more tasks");
    assertThat(all.tasks()).hasSize(2);
    assertThat(all.nextCursor()).isNull();
  }

  @Test
  void workersFilterByPresence() {
    WorkerPage online = workers("--online");
    WorkerPage offline = workers("--offline");

    assertThat(online.workers()).extracting(w -> w.workerId()).contains(worker.workerId());
    assertThat(offline.workers()).extracting(w -> w.workerId()).doesNotContain(worker.workerId());
    assertThat(cli.run("admin", "workers", "--online", "--offline").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.run("admin", "workers").out()).contains(worker.workerId().value(), "1/1");
  }

  @Test
  void requeueAndCancelCorrectTasksAndShowInTheEvents() {
    Result requeued = cli.run("admin", "requeue", held.value(), "--reason", "abandoned");
    Result cancelled = cli.run("admin", "cancel", ready.value());
    Result again = cli.run("admin", "cancel", ready.value());

    assertThat(requeued.out()).isEqualTo("Requeued " + held + ": now ready\n");
    assertThat(cancelled.out()).isEqualTo("Cancelled " + ready + ": now cancelled\n");
    again.assertExit(ExitCodes.REJECTED);
    assertThat(again.err()).startsWith("pool: HTTP 409 ");
    EventPage events =
        JSON.readValue(
            cli.run("admin", "events", "--task", held.value(), "--json").out(), EventPage.class);
    assertThat(events.events())
        .extracting(e -> e.type())
        .contains(EventType.TASK_REQUEUED, EventType.TASK_LEASED);
    assertThat(cli.run("admin", "events", "--task", held.value()).out())
        .contains("task.requeued", "abandoned");
  }

  @Test
  void tiersPausesAndRemovalChangeTheWorker() {
    String id = worker.workerId().value();

    Result tier = cli.run("admin", "set-tier", id, "2", "--reason", "trusted");
    Result badTier = cli.run("admin", "set-tier", id, "4");
    Result paused = cli.run("admin", "pause-worker", id, "--reason", "spam");
    Result resumed = cli.run("admin", "resume-worker", id);
    Result removed = cli.run("admin", "remove-worker", id);

    assertThat(tier.out()).startsWith("Worker " + id).endsWith("is now tier 2\n");
    badTier.assertExit(ExitCodes.USAGE);
    assertThat(badTier.err()).contains("TIER must be between 0 and 3");
    assertThat(paused.out()).startsWith("Paused " + id);
    assertThat(resumed.out()).startsWith("Resumed " + id);
    assertThat(removed.out()).startsWith("Removed " + id);
    assertThat(pool.view(held).status()).isEqualTo(TaskStatus.READY);
    Result unknown = cli.run("admin", "pause-worker", "w_0000000000000000");
    unknown.assertExit(ExitCodes.REJECTED);
    assertThat(unknown.err()).startsWith("pool: HTTP 404 ");
  }

  private TaskPage tasks(String... filters) {
    Result result =
        cli.run(concat(List.of("admin", "tasks", "--json"), filters)).assertExit(ExitCodes.OK);
    return JSON.readValue(result.out(), TaskPage.class);
  }

  private WorkerPage workers(String... filters) {
    Result result =
        cli.run(concat(List.of("admin", "workers", "--json"), filters)).assertExit(ExitCodes.OK);
    return JSON.readValue(result.out(), WorkerPage.class);
  }

  private static String[] concat(List<String> head, String... tail) {
    return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail))
        .toArray(String[]::new);
  }
}
