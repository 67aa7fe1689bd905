package dev.owp.cli.bench;

import java.util.Arrays;

/**
 * Every latency of one endpoint, in nanoseconds, kept exactly: a run of a minute produces a few
 * hundred thousand samples, a few megabytes. Each simulated worker records into its own instance
 * (no contention on the hot path); the run merges them at the end.
 */
final class LatencySamples {

  private long[] nanos = new long[256];
  private int size;

  void add(long latencyNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = latencyNanos;
  }

  void addAll(LatencySamples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.nanos[i]);
    }
  }

  int count() {
    return size;
  }

  /** The percentiles of the samples; call once every worker has stopped. */
  LatencySummary summarise() {
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    return new LatencySummary(
        size,
        millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.95)),
        millis(percentile(sorted, 0.99)),
        millis(size == 0 ? 0 : sorted[size - 1]));
  }

  /** The nearest-rank percentile. */
  private static long percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
