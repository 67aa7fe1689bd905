package dev.owp.cli.bench;

import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskUpsert;
import dev.owp.protocol.task.TaskWithdrawal;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerId;
import dev.owp.protocol.worker.WorkerRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One benchmark run against a live poold: seeds repositories and tasks through the admin API,
 * registers the workers, lets them loose until every task is merged or the time is up, then checks
 * the result with the server, removes the workers again and retires what is left of the run.
 *
 * <p>Everything the run creates is named {@code bench-<run id>…}, so runs never mix, even on a pool
 * that holds other work.
 */
final class BenchRun {

  private final URI server;
  private final List<URI> replicas;
  private final OwpAdminClient admin;
  private final HttpClient http;
  private final BenchSettings settings;
  private final Progress progress;
  private final String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
  private final List<WorkerId> registered = new ArrayList<>();

  /**
   * Every task of the run requires the run's own skill and one of two common ones; only the run's
   * workers have it (and both common ones). So they never take other work of the pool, and no other
   * worker takes theirs.
   */
  private final String runSkill = "bench-" + runId;

  private static final List<String> COMMON_SKILLS = List.of("java", "docs");

  BenchRun(
      List<URI> replicas,
      OwpAdminClient admin,
      HttpClient http,
      BenchSettings settings,
      Progress progress) {
    this.server = replicas.get(0);
    this.replicas = List.copyOf(replicas);
    this.admin = admin;
    this.http = http;
    this.settings = settings;
    this.progress = progress;
  }

  BenchReport run() throws InterruptedException {
    List<String> repos = createRepos();
    List<TaskId> seeded = seedTasks(repos);
    try (Workers workers = Workers.start(settings.workers())) {
      List<OwpClient> clients = register(workers.executor());
      RunTallies tallies = RunTallies.of(new RunClock(System::nanoTime), seeded);
      StopSignal stop =
          new StopSignal(() -> tallies.completions().isDone() || tallies.clock().isOver());
      List<BenchWorker> simulated = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        simulated.add(new BenchWorker("w" + i, clients.get(i), settings, tallies, stop));
      }
      ServerMetrics metrics = new ServerMetrics(http, replicas);
      Optional<ServerMetrics.Scrape> atStart = metrics.scrape();
      for (Map.Entry<String, String> repeat :
          atStart.map(ServerMetrics.Scrape::repeats).orElse(Map.of()).entrySet()) {
        progress.note(
            repeat.getKey()
                + " is the same poold as "
                + repeat.getValue()
                + ": its figures count once");
      }
      List<PooldJvm> poold = atStart.map(ServerMetrics.Scrape::jvms).orElse(List.of());
      Optional<ServerMetrics.Figures> serverSide =
          drive(workers.executor(), simulated, tallies, stop, metrics, atStart);
      clients.forEach(OwpClient::close);

      Completions completions = tallies.completions();
      List<String> violations = new ArrayList<>(completions.violations());
      violations.addAll(checkWithServer(repos, completions.completed()));
      removeWorkers(workers.executor());
      retire(repos, seeded, completions);
      return report(
          workers.virtual(), poold, tallies, violations, latencies(simulated), serverSide);
    }
  }

  /**
   * Lets the workers loose until every task is merged or the time is up, showing the progress;
   * poold's own figures over the measured part (from {@code atStart} on, or from the end of the
   * warm-up), if it has any.
   */
  private Optional<ServerMetrics.Figures> drive(
      ExecutorService executor,
      List<BenchWorker> simulated,
      RunTallies tallies,
      StopSignal stop,
      ServerMetrics metrics,
      Optional<ServerMetrics.Scrape> atStart)
      throws InterruptedException {
    RunClock clock = tallies.clock();
    Optional<ServerMetrics.Scrape> before = atStart;
    clock.start(settings.warmUp(), settings.duration());
    List<Future<?>> running = new ArrayList<>();
    for (BenchWorker worker : simulated) {
      running.add(executor.submit(worker));
    }
    if (clock.isWarmingUp()) {
      showProgressWhile(clock::isWarmingUp, tallies);
      // poold's figures then cover what the client measures, give or take the requests under way
      // while it is scraped, and not the warm-up's burst.
      before = metrics.scrape();
    }
    showProgressWhile(() -> !clock.isOver(), tallies);
    clock.stop();
    stop.give();
    awaitAll(running);
    progress.done();
    return clock.measured()
        ? before.flatMap(b -> metrics.scrape().map(after -> after.since(b)))
        : Optional.empty();
  }

  /** Shows the run's progress while a part of it {@code lasts} and tasks are left to merge. */
  private void showProgressWhile(BooleanSupplier lasts, RunTallies tallies)
      throws InterruptedException {
    Completions completions = tallies.completions();
    while (!completions.isDone() && lasts.getAsBoolean()) {
      completions.await(Math.min(1_000, tallies.clock().millisToNextPart()));
      progress.running(
          completions.completed(),
          completions.expected(),
          tallies.requests().all(),
          tallies.errors().total(),
          tallies.clock().elapsedSeconds(),
          tallies.clock().isWarmingUp());
    }
  }

  private BenchReport report(
      boolean virtualThreads,
      List<PooldJvm> poold,
      RunTallies tallies,
      List<String> violations,
      Map<String, LatencySummary> latencies,
      Optional<ServerMetrics.Figures> serverSide) {
    RunClock clock = tallies.clock();
    Completions completions = tallies.completions();
    double seconds = clock.measuredSeconds();
    int merged = completions.completed();
    int mergedMeasured = completions.completedMeasured();
    long sent = tallies.requests().measured();
    return new BenchReport(
        replicas.stream().map(URI::toString).collect(Collectors.joining(",")),
        reportedSettings(virtualThreads),
        poold,
        completions.expected(),
        merged,
        violations.isEmpty() && merged == completions.expected(),
        violations,
        settings.warmUp().isZero()
            ? null
            : new BenchReport.WarmUp(
                round(clock.warmUpSeconds()),
                merged - mergedMeasured,
                tallies.requests().all() - sent),
        clock.measured(),
        round(seconds),
        mergedMeasured,
        perSecond(mergedMeasured, seconds),
        sent,
        perSecond(sent, seconds),
        latencies,
        tallies.errors().byKind(),
        serverSide.orElse(null));
  }

  private List<String> createRepos() {
    progress.step("creating " + settings.repos() + " repositories");
    List<String> repos =
        IntStream.range(0, settings.repos())
            .mapToObj(i -> "bench-" + runId + "/repo-" + i)
            .toList();
    for (String repo : repos) {
      admin.upsertRepo(new RepoConfig(repo, settings.budget(), settings.areaLocks()));
    }
    return repos;
  }

  /** Seeds the run's tasks; their ids, in the order of their keys. */
  private List<TaskId> seedTasks(List<String> repos) {
    progress.step("seeding " + settings.tasks() + " tasks");
    List<TaskSpec> specs = new ArrayList<>(settings.tasks());
    for (int i = 0; i < settings.tasks(); i++) {
      String repo = repoOf(repos, i);
      String area =
          settings.areaLocks() ? "area-" + (i / repos.size()) % settings.areasPerRepo() : null;
      specs.add(
          new TaskSpec(
              repo,
              "Bench task " + i,
              null,
              1 + i % 3,
              10 + i % 5 * 10,
              List.of(runSkill, COMMON_SKILLS.get(i % COMMON_SKILLS.size())),
              area,
              0,
              taskKey(i)));
    }
    List<TaskId> seeded = new ArrayList<>(settings.tasks());
    for (List<TaskSpec> bulk : inBulks(specs)) {
      BulkResult result = admin.createTasks(new BulkTasks(bulk));
      result.results().stream().map(TaskUpsert::taskId).forEach(seeded::add);
    }
    return seeded;
  }

  private List<OwpClient> register(ExecutorService executor) throws InterruptedException {
    progress.step("registering " + settings.workers() + " workers");
    List<Future<RegisteredWorker>> registrations = new ArrayList<>();
    for (int i = 0; i < settings.workers(); i++) {
      OwpClient anonymous = OwpClient.builder(replica(i)).httpClient(http).build();
      WorkerRegistration registration =
          new WorkerRegistration(
              "bench-" + runId + "-w" + i,
              null,
              List.of(runSkill, COMMON_SKILLS.get(0), COMMON_SKILLS.get(1)),
              3 * settings.maxConcurrent(),
              settings.maxConcurrent());
      registrations.add(executor.submit(() -> anonymous.register(registration)));
    }
    List<OwpClient> clients = new ArrayList<>();
    for (int i = 0; i < registrations.size(); i++) {
      RegisteredWorker worker = result(registrations.get(i));
      registered.add(worker.workerId());
      clients.add(workerClient(replica(i), worker.token()));
    }
    return clients;
  }

  /**
   * A simulated worker's client: on a kept connection of its own where the server speaks plain
   * http, else on the shared JDK client. The JDK's client hands every request to its selector
   * thread and back, and cost the load generator well over half of its CPU.
   */
  private OwpClient workerClient(URI replica, String token) {
    OwpClient.Builder builder = OwpClient.builder(replica).workerToken(token);
    return (replica.getScheme().equals("http")
            ? builder.keptConnection()
            : builder.httpClient(http))
        .build();
  }

  /** Worker {@code i}'s replica: the workers are spread evenly, as a load balancer would. */
  private URI replica(int i) {
    return replicas.get(i % replicas.size());
  }

  /**
   * The server's side of exactly-once: it counts as merged exactly the tasks the workers merged.
   */
  private List<String> checkWithServer(List<String> repos, int mergedByWorkers) {
    int merged = 0;
    for (String repo : repos) {
      String cursor = null;
      do {
        TaskPage page =
            admin.tasks(new TaskQuery(repo, TaskStatus.MERGED, TaskQuery.MAX_LIMIT, cursor));
        merged += page.tasks().size();
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    return merged == mergedByWorkers
        ? List.of()
        : List.of(
            "the server counts " + merged + " merged tasks, the workers merged " + mergedByWorkers);
  }

  /** Removes the run's workers, so they do not linger in the pool as offline workers. */
  private void removeWorkers(ExecutorService executor) throws InterruptedException {
    progress.step("removing the workers");
    List<Future<?>> removals = new ArrayList<>();
    for (WorkerId worker : registered) {
      removals.add(
          executor.submit(() -> admin.removeWorker(worker, Reason.of("benchmark finished"))));
    }
    for (Future<?> removal : removals) {
      result(removal);
    }
  }

  /**
   * Leaves nothing of the run for the pool to schedule: its repositories get a budget of 0, and its
   * unfinished tasks (back in the pool now that the workers are gone) are cancelled. Otherwise an
   * unfinished run would leave its tasks ready for ever, and every later claim would read their
   * queues. The merged ones are left out: withdrawing them would only keep them as they are.
   */
  private void retire(List<String> repos, List<TaskId> seeded, Completions completions) {
    progress.step("retiring the run's repositories and unfinished tasks");
    for (String repo : repos) {
      admin.upsertRepo(new RepoConfig(repo, 0, settings.areaLocks()));
    }
    List<TaskWithdrawal> unfinished = new ArrayList<>();
    for (int i = 0; i < seeded.size(); i++) {
      if (!completions.wasMerged(seeded.get(i))) {
        unfinished.add(new TaskWithdrawal(repoOf(repos, i), taskKey(i), "benchmark finished"));
      }
    }
    for (List<TaskWithdrawal> bulk : inBulks(unfinished)) {
      admin.createTasks(new BulkTasks(List.of(), bulk));
    }
  }

  /** {@code items} in consecutive parts of at most the size one bulk request takes. */
  private static <T> List<List<T>> inBulks(List<T> items) {
    List<List<T>> bulks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += BulkTasks.MAX_TASKS) {
      bulks.add(items.subList(from, Math.min(items.size(), from + BulkTasks.MAX_TASKS)));
    }
    return bulks;
  }

  private String taskKey(int index) {
    return "bench-" + runId + "-" + index;
  }

  private static String repoOf(List<String> repos, int index) {
    return repos.get(index % repos.size());
  }

  private Map<String, LatencySummary> latencies(List<BenchWorker> simulated) {
    Map<Endpoint, LatencySamples> merged = new EnumMap<>(Endpoint.class);
    for (BenchWorker worker : simulated) {
      worker
          .latencies()
          .forEach(
              (endpoint, samples) ->
                  merged.computeIfAbsent(endpoint, e -> new LatencySamples()).addAll(samples));
    }
    Map<String, LatencySummary> summaries = new LinkedHashMap<>();
    merged.forEach(
        (endpoint, samples) -> {
          if (samples.count() > 0) {
            summaries.put(endpoint.toString(), samples.summarise());
          }
        });
    return summaries;
  }

  private BenchReport.Settings reportedSettings(boolean virtualThreads) {
    return new BenchReport.Settings(
        settings.workers(),
        settings.tasks(),
        settings.repos(),
        settings.warmUp().toMillis() / 1000.0,
        settings.duration().toMillis() / 1000.0,
        settings.pollEvery().toMillis() / 1000.0,
        settings.budget(),
        settings.areaLocks(),
        settings.maxConcurrent(),
        Runtime.version().toString(),
        virtualThreads);
  }

  private static void awaitAll(List<Future<?>> running) throws InterruptedException {
    for (Future<?> future : running) {
      result(future);
    }
  }

  private static <T> T result(Future<T> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static double perSecond(double count, double seconds) {
    return seconds == 0 ? 0 : round(count / seconds);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
