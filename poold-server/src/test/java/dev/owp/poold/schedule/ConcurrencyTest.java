package dev.owp.poold.schedule;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Many workers at once, with real threads, against small budgets and shared areas. Afterwards the
 * audit log is replayed in id order to prove that no invariant was broken at any instant, and the
 * counters poold keeps are compared with what the task table says.
 */
class ConcurrencyTest extends PooldIntegrationTest {

  private static final int WORKERS = 12;
  private static final int TASKS_PER_REPO = 50;
  private static final Map<String, Integer> BUDGETS = Map.of("alpha", 3, "beta", 2, "gamma", 4);
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final Map<String, Integer> mergedAcks = new ConcurrentHashMap<>();
  private final AtomicInteger merged = new AtomicInteger();
  private final Map<ProblemType, AtomicInteger> refusals = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

  @Test
  void manyWorkersNeverBreakTheRules() throws Exception {
    Random random = new Random(42);
    BUDGETS.forEach((repo, budget) -> repo(repo, budget, true));
    List<TaskSpec> specs = new ArrayList<>();
    for (String repo : BUDGETS.keySet()) {
      for (int i = 0; i < TASKS_PER_REPO; i++) {
        var task =
            aTask(repo)
                .priority(random.nextInt(4) * 10)
                .estimate(1 + random.nextInt(3))
                .inArea(i % 6 == 0 ? null : "area-" + random.nextInt(5));
        specs.add((i % 5 == 0 ? task.needing("java") : task).build());
      }
    }
    admin().createTasks(new BulkTasks(specs));
    List<RegisteredWorker> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      String[] skills = i % 2 == 0 ? new String[] {"java"} : new String[] {"docs"};
      workers.add(register("worker-" + i, 3 + i % 4, 1 + i % 3, skills));
    }

    runConcurrently(workers, this::workUntilEverythingIsMerged);

    assertThat(failures).isEmpty();
    assertThat(refusals).doesNotContainKeys(ProblemType.LEASE_LOST, ProblemType.INTERNAL_ERROR);
    int total = specs.size();
    assertThat(merged.get()).as("tasks merged before the deadline").isEqualTo(total);
    assertThat(mergedAcks.values()).hasSize(total).containsOnly(1);
    assertThat(admin().state().tasksMerged()).isEqualTo(total);
    Replay replay = replayEventLog();
    assertThat(replay.violations).isEmpty();
    assertThat(replay.merges).hasSize(total).containsOnlyKeys(mergedAcks.keySet());
    assertThat(replay.merges.values()).containsOnly(1);
    assertThat(replay.leases).isGreaterThanOrEqualTo(total);
    assertCountersMatchTheTasks();

    // And once more with work in every held state at once, so the counters are not all zero.
    List<TaskSpec> more = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      more.add(aTask(List.copyOf(BUDGETS.keySet()).get(i % 3)).inArea("area-" + i % 4).build());
    }
    admin().createTasks(new BulkTasks(more));
    runConcurrently(workers, this::takeWorkAndLeaveItHalfDone);

    assertThat(failures).isEmpty();
    assertThat(replayEventLog().violations).isEmpty();
    int heldNow =
        jdbc.sql(
                "SELECT COUNT(*) FROM task"
                    + " WHERE status IN ('leased', 'in_progress', 'blocked', 'pr_opened')")
            .query(Integer.class)
            .single();
    assertThat(heldNow).isPositive();
    assertCountersMatchTheTasks();
  }

  private void runConcurrently(List<RegisteredWorker> workers, Consumer<Worker> body)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(workers.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < workers.size(); i++) {
        Worker worker = new Worker(worker(workers.get(i).token()), new Random(i));
        running.add(
            threads.submit(
                () -> {
                  start.await();
                  body.accept(worker);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : running) {
        future.get(DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private record Worker(OwpClient client, Random random) {}

  private void workUntilEverythingIsMerged(Worker worker) {
    int total = BUDGETS.size() * TASKS_PER_REPO;
    Instant deadline = Instant.now().plus(DEADLINE);
    while (merged.get() < total && Instant.now().isBefore(deadline)) {
      boolean acted = false;
      try {
        worker.client().heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
        for (LeaseView lease : worker.client().work().leases()) {
          acted |= step(worker, lease);
        }
      } catch (OwpProblemException e) {
        refused(e);
      } catch (RuntimeException e) {
        failures.add(e);
        return;
      }
      if (!acted) {
        pause(); // nothing to do for now: let the others finish what blocks the budgets
      }
    }
  }

  private boolean step(Worker worker, LeaseView lease) {
    Random random = worker.random();
    try {
      switch (lease.status()) {
        case LEASED -> {
          if (lease.attempt() == 0 && random.nextInt(10) == 0) {
            worker.client().release(lease.taskId(), new Reason("changed my mind"));
          } else {
            report(worker, lease, TaskStatus.IN_PROGRESS, null);
          }
        }
        case IN_PROGRESS -> {
          if (random.nextInt(6) == 0) {
            report(worker, lease, TaskStatus.BLOCKED, null);
          } else {
            report(
                worker,
                lease,
                TaskStatus.PR_OPENED,
                Artifact.ofPullRequest("https://github.com/o/r/pull/" + random.nextInt(1000)));
          }
        }
        case BLOCKED ->
            report(
                worker,
                lease,
                random.nextBoolean() ? TaskStatus.IN_PROGRESS : TaskStatus.PR_OPENED,
                null);
        case PR_OPENED -> {
          StatusAck ack = report(worker, lease, TaskStatus.MERGED, null);
          if (ack.status() == TaskStatus.MERGED) {
            mergedAcks.merge(lease.taskId().value(), 1, Integer::sum);
            merged.incrementAndGet();
          }
        }
        default -> throw new IllegalStateException("listed as held: " + lease);
      }
      return true;
    } catch (OwpProblemException e) {
      refused(e);
      return false;
    }
  }

  private void takeWorkAndLeaveItHalfDone(Worker worker) {
    try {
      worker.client().heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
      for (LeaseView lease : worker.client().work().leases()) {
        TaskStatus to =
            List.of(TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.PR_OPENED)
                .get(worker.random().nextInt(3));
        try {
          report(worker, lease, to, null);
        } catch (OwpProblemException e) {
          refused(e);
        }
      }
      worker.client().heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  private StatusAck report(Worker worker, LeaseView lease, TaskStatus to, Artifact artifact) {
    return worker
        .client()
        .updateStatus(lease.taskId(), new StatusUpdate(to, null, artifact, lease.leaseId()));
  }

  private void refused(OwpProblemException e) {
    ProblemType type = e.type().orElse(ProblemType.INTERNAL_ERROR);
    refusals.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
    if (type != ProblemType.CAPACITY_EXCEEDED && type != ProblemType.UNAVAILABLE) {
      failures.add(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the whole audit log through the API and replays it oldest first. */
  private Replay replayEventLog() {
    List<EventView> events = new ArrayList<>();
    EventQuery query = new EventQuery(null, null, null, null, 500, null);
    EventPage page = admin().events(query);
    events.addAll(page.events());
    while (page.nextCursor() != null) {
      page = admin().events(query.after(page.nextCursor()));
      events.addAll(page.events());
    }
    Collections.reverse(events);
    assertThat(events).extracting(EventView::id).isSorted().doesNotHaveDuplicates();
    Replay replay = new Replay();
    jdbc.sql("SELECT task_id, repo, area, estimate_points FROM task")
        .query(
            rs -> {
              replay.tasks.put(
                  rs.getString("task_id"),
                  new TaskFacts(
                      rs.getString("repo"), rs.getString("area"), rs.getInt("estimate_points")));
            });
    jdbc.sql("SELECT worker_id, capacity_points, max_concurrent_tasks FROM worker")
        .query(
            rs -> {
              replay.limits.put(
                  rs.getString("worker_id"),
                  new int[] {rs.getInt("capacity_points"), rs.getInt("max_concurrent_tasks")});
            });
    events.forEach(replay::apply);
    return replay;
  }

  private record TaskFacts(String repo, String area, int points) {}

  /** The pool's state rebuilt from its events, checking every rule after every event. */
  private static final class Replay {
    final Map<String, TaskFacts> tasks = new HashMap<>();
    final Map<String, int[]> limits = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> merges = new HashMap<>();
    int leases;

    private final Map<String, String> holder = new HashMap<>();
    private final Map<String, String> status = new HashMap<>();
    private final Map<String, Integer> heldPerRepo = new HashMap<>();
    private final Map<String, String> areaHolder = new HashMap<>();
    private final Map<String, int[]> load = new HashMap<>();

    void apply(EventView event) {
      if (event.taskId() == null) {
        return;
      }
      String task = event.taskId().value();
      TaskFacts facts = tasks.get(task);
      String at = "event " + event.id() + " (" + event.type().wireName() + " " + task + "): ";
      switch (event.type()) {
        case TASK_LEASED -> lease(at, task, facts, event.actorWorkerId().value());
        case TASK_STATUS -> {
          String worker = event.actorWorkerId().value();
          if (!worker.equals(holder.get(task))) {
            violations.add(at + "reported by " + worker + " but held by " + holder.get(task));
            return;
          }
          String from = (String) event.details().get("from");
          String to = (String) event.details().get("status");
          if (!from.equals(status.get(task))) {
            violations.add(at + "from " + from + " but the log says " + status.get(task));
          }
          move(at, task, facts, worker, to);
        }
        case TASK_RELEASED, TASK_REQUEUED -> {
          if (holder.get(task) == null) {
            violations.add(at + "returned while nobody held it");
          } else {
            unhold(task, facts);
          }
        }
        case TASK_CANCELLED -> {
          if (holder.get(task) != null) {
            unhold(task, facts);
          }
        }
        default -> {}
      }
    }

    private void lease(String at, String task, TaskFacts facts, String worker) {
      leases++;
      if (holder.get(task) != null) {
        violations.add(at + "leased to " + worker + " while held by " + holder.get(task));
      }
      holder.put(task, worker);
      status.put(task, "leased");
      int held = heldPerRepo.merge(facts.repo(), 1, Integer::sum);
      if (held > BUDGETS.get(facts.repo())) {
        violations.add(at + "repo " + facts.repo() + " holds " + held + " tasks");
      }
      if (facts.area() != null) {
        String other = areaHolder.putIfAbsent(facts.repo() + "/" + facts.area(), task);
        if (other != null) {
          violations.add(at + "area " + facts.area() + " already held by " + other);
        }
      }
      addLoad(at, worker, facts, 1);
    }

    private void move(String at, String task, TaskFacts facts, String worker, String to) {
      boolean wasActive = isActive(status.get(task));
      boolean nowActive = isActive(to);
      status.put(task, to);
      if (nowActive && !wasActive) {
        addLoad(at, worker, facts, 1);
      } else if (wasActive && !nowActive) {
        addLoad(at, worker, facts, -1);
      }
      if (to.equals("merged")) {
        merges.merge(task, 1, Integer::sum);
        unhold(task, facts);
      }
    }

    private void unhold(String task, TaskFacts facts) {
      String worker = holder.remove(task);
      if (isActive(status.get(task))) {
        addLoad("", worker, facts, -1);
      }
      status.put(task, "gone");
      heldPerRepo.merge(facts.repo(), -1, Integer::sum);
      if (facts.area() != null) {
        areaHolder.remove(facts.repo() + "/" + facts.area(), task);
      }
    }

    private void addLoad(String at, String worker, TaskFacts facts, int sign) {
      int[] used = load.computeIfAbsent(worker, w -> new int[2]);
      used[0] += sign * facts.points();
      used[1] += sign;
      int[] limit = limits.get(worker);
      if (sign > 0 && (used[0] > limit[0] || used[1] > limit[1])) {
        violations.add(
            at + "worker " + worker + " uses " + used[0] + " points in " + used[1] + " tasks");
      }
    }

    private static boolean isActive(String status) {
      return "leased".equals(status) || "in_progress".equals(status);
    }
  }

  /** The counters on the repo and worker rows equal what the task table says. */
  private void assertCountersMatchTheTasks() {
    List<Map<String, Object>> repos =
        jdbc.sql(
                """
                SELECT r.repo, r.held,
                       (SELECT COUNT(*) FROM task t WHERE t.repo = r.repo
                           AND t.status IN ('leased', 'in_progress', 'blocked', 'pr_opened'))
                         AS counted
                  FROM repo r
                """)
            .query()
            .listOfRows();
    assertThat(repos).hasSize(BUDGETS.size());
    for (Map<String, Object> repo : repos) {
      assertThat(((Number) repo.get("held")).intValue())
          .as("held of %s", repo.get("repo"))
          .isEqualTo(((Number) repo.get("counted")).intValue())
          .isLessThanOrEqualTo(BUDGETS.get((String) repo.get("repo")));
    }
    List<Map<String, Object>> workers =
        jdbc.sql(
                """
                SELECT w.worker_id, w.used_points, w.used_tasks, w.capacity_points,
                       w.max_concurrent_tasks,
                       (SELECT COALESCE(SUM(t.estimate_points), 0) FROM task t
                         WHERE t.worker_id = w.worker_id
                           AND t.status IN ('leased', 'in_progress')) AS counted_points,
                       (SELECT COUNT(*) FROM task t
                         WHERE t.worker_id = w.worker_id
                           AND t.status IN ('leased', 'in_progress')) AS counted_tasks
                  FROM worker w
                """)
            .query()
            .listOfRows();
    assertThat(workers).hasSize(WORKERS);
    for (Map<String, Object> worker : workers) {
      String id = (String) worker.get("worker_id");
      assertThat(((Number) worker.get("used_points")).intValue())
          .as("used_points of %s", id)
          .isEqualTo(((Number) worker.get("counted_points")).intValue())
          .isLessThanOrEqualTo(((Number) worker.get("capacity_points")).intValue());
      assertThat(((Number) worker.get("used_tasks")).intValue())
          .as("used_tasks of %s", id)
          .isEqualTo(((Number) worker.get("counted_tasks")).intValue())
          .isLessThanOrEqualTo(((Number) worker.get("max_concurrent_tasks")).intValue());
    }
    Set<String> locks =
        new HashSet<>(
            jdbc.sql("SELECT repo || '/' || area || '=' || task_id FROM area_lock")
                .query(String.class)
                .list());
    Set<String> heldAreas =
        new HashSet<>(
            jdbc.sql(
                    "SELECT repo || '/' || area || '=' || task_id FROM task WHERE area IS NOT NULL"
                        + " AND status IN ('leased', 'in_progress', 'blocked', 'pr_opened')")
                .query(String.class)
                .list());
    assertThat(locks).isEqualTo(heldAreas);
  }
}
