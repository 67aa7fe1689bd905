package dev.owp.poold.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PostgresDatabase;
import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three poold processes on one PostgreSQL database, ~100 workers spread over them by a round-robin
 * router with failover, ~1,000 tasks under tight budgets and area locks. One replica is killed with
 * SIGKILL mid-run, and a few workers vanish while holding leases, so the reapers of every replica
 * race to expire them. Every task must be merged exactly once, and a replay of the event log must
 * show that no invariant was ever broken.
 */
@ExtendWith(PostgresAvailable.class)
class MultiReplicaIT {

  private static final String ADMIN_TOKEN = "replica-admin-token-0123456789";
  private static final int REPOS = 10;
  private static final int TASKS = 1_000;
  private static final int WORKERS = 100;
  private static final int VANISHING_WORKERS = 5;
  private static final List<String> SKILLS = List.of("java", "docs", "sql");

  @TempDir static Path logs;

  private static PostgresDatabase.Settings database;
  private static List<PooldProcess> replicas;

  @BeforeAll
  static void startReplicas() {
    database = PostgresDatabase.freshSchema();
    Map<String, String> env =
        Map.of(
            "OWP_ADMIN_TOKEN",
            ADMIN_TOKEN,
            "OWP_DB_USER",
            database.user(),
            "OWP_DB_PASSWORD",
            database.password());
    List<String> args =
        List.of("--db", database.url(), "--lease-ttl", "6", "--heartbeat-ttl", "4", "--cycle", "1");
    replicas =
        IntStream.range(0, 3)
            .parallel()
            .mapToObj(i -> PooldProcess.start("poold-" + i, args, env, logs))
            .toList();
  }

  @AfterAll
  static void stopReplicas() {
    if (replicas != null) {
      replicas.forEach(PooldProcess::close);
    }
  }

  @Test
  void everyTaskIsMergedExactlyOnceAndNoInvariantIsEverBroken() throws Exception {
    ReplicaRouter router = new ReplicaRouter(replicas.stream().map(PooldProcess::uri).toList());
    ReplicaRouter.Session admin = router.session(null, ADMIN_TOKEN);
    Random random = new Random(42);
    seed(admin, random);
    List<String> tokens = registerWorkers(router, random);

    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      ReplicaRouter.Session worker = router.session(tokens.get(i), null);
      boolean vanishes = i < VANISHING_WORKERS;
      loops.add(pool.submit(() -> work(worker, vanishes, done)));
    }
    boolean killed = false;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    AdminState state = admin.call(c -> c.admin().state());
    while (state.tasksMerged() < TASKS && Instant.now().isBefore(deadline)) {
      if (!killed && state.tasksMerged() >= TASKS / 3) {
        replicas.get(2).killHard();
        killed = true;
      }
      Thread.sleep(250);
      state = admin.call(c -> c.admin().state());
    }
    done.set(true);
    pool.shutdown();
    for (Future<?> loop : loops) {
      loop.get();
    }

    assertThat(killed).as("a replica was killed mid-run").isTrue();
    assertThat(state.tasksMerged()).as("tasks merged").isEqualTo(TASKS);
    assertThat(router.failovers()).as("requests failed over to live replicas").isPositive();
    try (Connection db =
        DriverManager.getConnection(database.url(), database.user(), database.password())) {
      EventLogChecker checker = new EventLogChecker();
      assertThat(checker.check(db)).as("invariant violations in the event log").isEmpty();
      assertThat(checker.merges())
          .hasSize(TASKS)
          .allSatisfy((task, merges) -> assertThat(merges).isOne());
    }
  }

  private static void seed(ReplicaRouter.Session admin, Random random) {
    for (int r = 0; r < REPOS; r++) {
      RepoConfig repo = new RepoConfig("repo-" + r, 3 + r % 4, true);
      admin.call(c -> c.admin().upsertRepo(repo));
    }
    List<TaskSpec> tasks = new ArrayList<>();
    for (int t = 0; t < TASKS; t++) {
      List<String> skills =
          random.nextInt(3) == 0 ? List.of() : List.of(SKILLS.get(random.nextInt(SKILLS.size())));
      tasks.add(
          new TaskSpec(
              "repo-" + (t % REPOS),
              "task " + t,
              null,
              1 + random.nextInt(3),
              random.nextInt(100),
              skills,
              random.nextInt(4) == 0 ? null : "area-" + random.nextInt(12),
              0,
              null));
    }
    for (int from = 0; from < TASKS; from += 500) {
      BulkTasks chunk = new BulkTasks(tasks.subList(from, Math.min(TASKS, from + 500)));
      admin.call(c -> c.admin().createTasks(chunk));
    }
  }

  private static List<String> registerWorkers(ReplicaRouter router, Random random) {
    ReplicaRouter.Session anonymous = router.session(null, null);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      List<String> skills = i % 4 == 0 ? List.of(SKILLS.get(i % 3)) : SKILLS;
      WorkerRegistration registration =
          new WorkerRegistration(
              "worker-" + i, null, skills, 3 + random.nextInt(4), 1 + random.nextInt(3));
      tokens.add(anonymous.call(c -> c.register(registration)).token());
    }
    return tokens;
  }

  /**
   * A worker's loop: heartbeat, then take each new lease through in_progress, pr_opened and merged.
   * A vanishing worker stops after its first leases, without a word.
   */
  private static void work(ReplicaRouter.Session worker, boolean vanishes, AtomicBoolean done) {
    Set<String> finished = new HashSet<>();
    while (!done.get()) {
      worker.call(c -> c.heartbeat(Heartbeat.of(WorkerStatus.WORKING, null)));
      List<LeaseView> leases = worker.call(c -> c.work()).leases();
      if (vanishes && !leases.isEmpty()) {
        return;
      }
      for (LeaseView lease : leases) {
        if (finished.add(lease.leaseId().value())) {
          complete(worker, lease);
        }
      }
      if (leases.isEmpty()) {
        pause();
      }
    }
  }

  private static void complete(ReplicaRouter.Session worker, LeaseView lease) {
    try {
      report(worker, lease, new StatusUpdate(TaskStatus.IN_PROGRESS, null, null, lease.leaseId()));
      report(
          worker,
          lease,
          new StatusUpdate(
              TaskStatus.PR_OPENED,
              null,
              Artifact.ofPullRequest("https://example.com/pr/" + lease.taskId()),
              lease.leaseId()));
      report(worker, lease, new StatusUpdate(TaskStatus.MERGED, null, null, lease.leaseId()));
    } catch (OwpProblemException e) {
      // A worker stalled past its lease under load loses the task to another; that is the rule.
      if (e.type().orElse(null) != ProblemType.LEASE_LOST) {
        throw e;
      }
    }
  }

  private static void report(ReplicaRouter.Session worker, LeaseView lease, StatusUpdate update) {
    worker.call(c -> c.updateStatus(lease.taskId(), update));
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
