package dev.owp.cli.bench;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a run, printed as a table or, with {@code --json}, as this record in snake_case.
 *
 * @param server poold's URL
 * @param settings what the run did
 * @param tasks tasks seeded
 * @param completed tasks merged, each counted once
 * @param exactlyOnce true when every task was merged exactly once, by the client's count and the
 *     server's
 * @param violations what broke exactly-once, if anything
 * @param seconds from the first poll to the last merge (or the end of {@code --duration})
 * @param completedPerSecond merged tasks per second
 * @param requests requests sent during the run, failed ones included
 * @param requestsPerSecond requests per second
 * @param latency per endpoint, as the client measured it
 * @param errors failed requests by endpoint and kind
 * @param serverSide poold's own figures, or null when it exposes no Prometheus metrics
 */
record BenchReport(
    String server,
    Settings settings,
    int tasks,
    int completed,
    boolean exactlyOnce,
    List<String> violations,
    double seconds,
    double completedPerSecond,
    long requests,
    double requestsPerSecond,
    Map<String, LatencySummary> latency,
    Map<String, Long> errors,
    ServerMetrics.@Nullable Figures serverSide) {

  /** The settings as reported. */
  record Settings(
      int workers,
      int tasks,
      int repos,
      double durationSeconds,
      double pollEverySeconds,
      int budget,
      boolean areaLocks,
      int maxConcurrent,
      String java,
      boolean virtualThreads) {}
}
