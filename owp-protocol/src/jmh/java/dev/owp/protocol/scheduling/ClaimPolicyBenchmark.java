package dev.owp.protocol.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of choosing work for one worker from a whole backlog of ready tasks, as a naive
 * scheduler would: the pure rules against every ready task. poold never does this on a request
 * (it reads only the heads of the ready queues through an index, see {@link #planFromQueueHeads}),
 * but the figures show what the rules themselves cost, and why the server must not feed them the
 * whole backlog.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClaimPolicyBenchmark {

  @Param({"10000", "100000"})
  int readyTasks;

  private List<Candidate> backlog;
  private List<Candidate> queueHeads;
  private Map<String, RepoSnapshot> repos;
  private WorkerSnapshot worker;

  @Setup
  public void setUp() {
    backlog = SchedulingFixtures.readyTasks(readyTasks, 42);
    repos = SchedulingFixtures.repos(7);
    worker =
        new WorkerSnapshot(
            List.of("java", "python", "docs"), 1, true, false, new WorkerLoad(0, 0, 10, 4));
    // What poold's claim reads: per repository, the first few ready tasks in scheduling order.
    int perRepo = 2 * worker.load().freeSlots() + 4;
    Map<String, Integer> taken = new HashMap<>();
    queueHeads = new ArrayList<>();
    for (Candidate task : backlog.stream().sorted(Candidate.ORDER).toList()) {
      if (taken.merge(task.repo(), 1, Integer::sum) <= perRepo) {
        queueHeads.add(task);
      }
    }
  }

  /** One decision over the whole backlog. */
  @Benchmark
  public ClaimDecision decideOverBacklog() {
    return ClaimPolicy.decide(worker, backlog, repos);
  }

  /** A full plan (until the worker is full) over the whole backlog: sorts it first. */
  @Benchmark
  public List<Candidate> planOverBacklog() {
    return ClaimPolicy.plan(worker, backlog, repos);
  }

  /** A full plan over the queue heads poold actually reads: independent of the backlog size. */
  @Benchmark
  public List<Candidate> planFromQueueHeads() {
    return ClaimPolicy.plan(worker, queueHeads, repos);
  }

  /** Screening a random worker's own state, the first check of every claim. */
  @Benchmark
  public Object screenWorker() {
    return ClaimPolicy.screen(SchedulingFixtures.worker(new Random(readyTasks)));
  }
}
