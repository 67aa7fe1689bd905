package dev.owp.cli.bench;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a run, printed as a table or, with {@code --json}, as this record in snake_case.
 * The rates, requests, latencies and server-side figures are those of the measured part: after the
 * warm-up, if there was one.
 *
 * @param server poold's URL, and those of the other replicas after it, comma-separated
 * @param settings what the run did
 * @param poold the JVM of each poold replica, as its metrics describe it (none when a replica
 *     exposes no Prometheus metrics)
 * @param tasks tasks seeded
 * @param completed tasks merged in the whole run, each counted once
 * @param exactlyOnce true when every task was merged exactly once, by the client's count and the
 *     server's
 * @param violations what broke exactly-once, if anything
 * @param warmUp what the warm-up did, or null without one
 * @param measured false when every task was merged within the warm-up, so nothing was measured
 * @param seconds from the end of the warm-up (or the first request) to the last merge, or the end
 *     of {@code --duration}; zero when every task was merged within the warm-up
 * @param completedMeasured tasks merged in those seconds
 * @param completedPerSecond merged tasks per second, in those seconds
 * @param requests requests started in those seconds, failed ones included
 * @param requestsPerSecond requests per second
 * @param latency per endpoint, as the client measured it
 * @param errors failed requests by endpoint and kind, in the whole run
 * @param serverSide poold's own figures, or null when it exposes no Prometheus metrics or nothing
 *     was measured
 */
record BenchReport(
    String server,
    Settings settings,
    List<PooldJvm> poold,
    int tasks,
    int completed,
    boolean exactlyOnce,
    List<String> violations,
    @Nullable WarmUp warmUp,
    boolean measured,
    double seconds,
    int completedMeasured,
    double completedPerSecond,
    long requests,
    double requestsPerSecond,
    Map<String, LatencySummary> latency,
    Map<String, Long> errors,
    ServerMetrics.@Nullable Figures serverSide) {

  /**
   * The warm-up, left out of the figures.
   *
   * @param seconds how long it lasted
   * @param completed tasks merged in it
   * @param requests requests started in it
   */
  record WarmUp(double seconds, int completed, long requests) {}

  /** The settings as reported. */
  record Settings(
      int workers,
      int tasks,
      int repos,
      double warmUpSeconds,
      double durationSeconds,
      double pollEverySeconds,
      int budget,
      boolean areaLocks,
      int maxConcurrent,
      String java,
      boolean virtualThreads) {}
}
