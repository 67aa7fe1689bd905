package dev.owp.protocol.scheduling;

import java.util.List;
import java.util.Map;
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
 * The rules applied across a population of workers: for one ready task, which of 1,000 or 10,000
 * workers may take it, and the first plan for each worker in turn from the same queue heads (what
 * one background assignment pass does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkerScreeningBenchmark {

  @Param({"1000", "10000"})
  int workers;

  private List<WorkerSnapshot> population;
  private List<Candidate> queueHeads;
  private Map<String, RepoSnapshot> repos;

  @Setup
  public void setUp() {
    population = SchedulingFixtures.workers(workers, 11);
    queueHeads = SchedulingFixtures.readyTasks(SchedulingFixtures.REPOS * 12, 5);
    repos = SchedulingFixtures.repos(7);
  }

  /** How many workers the first ready task admits. */
  @Benchmark
  public int eligibleWorkersForOneTask() {
    Candidate task = queueHeads.get(0);
    RepoSnapshot repo = repos.get(task.repo());
    int eligible = 0;
    for (WorkerSnapshot worker : population) {
      if (ClaimPolicy.screen(worker).isEmpty()
          && ClaimPolicy.screen(worker, task, repo).isEmpty()) {
        eligible++;
      }
    }
    return eligible;
  }

  /** A plan for every worker from the same queue heads. */
  @Benchmark
  public int planForEveryWorker() {
    int granted = 0;
    for (WorkerSnapshot worker : population) {
      granted += ClaimPolicy.plan(worker, queueHeads, repos).size();
    }
    return granted;
  }
}
