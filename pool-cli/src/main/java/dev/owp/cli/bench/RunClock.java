package dev.owp.cli.bench;

import java.time.Duration;

/**
 * The run's time line: it starts, warms up for {@code --warm-up}, then measures for at most {@code
 * --duration}. A request belongs to the part in which it started, so the burst of a thousand
 * workers starting at once stays out of the measured latencies when there is a warm-up.
 */
final class RunClock {

  private long start;
  private long measureFrom;
  private long deadline;
  private long end;
  private volatile boolean stopped;

  void start(Duration warmUp, Duration measured) {
    start = System.nanoTime();
    measureFrom = start + warmUp.toNanos();
    deadline = measureFrom + measured.toNanos();
  }

  /** Whether a request that started at {@code nanos} (a {@link System#nanoTime()}) is measured. */
  boolean measures(long nanos) {
    return nanos - measureFrom >= 0;
  }

  boolean isWarmingUp() {
    return System.nanoTime() - measureFrom < 0;
  }

  boolean isOver() {
    return System.nanoTime() - deadline >= 0;
  }

  boolean isStopped() {
    return stopped || isOver();
  }

  /** Until the next moment the run changes: the end of the warm-up, or the deadline. */
  long millisToNextPart() {
    long next = isWarmingUp() ? measureFrom : deadline;
    return Math.max(1, (next - System.nanoTime()) / 1_000_000);
  }

  double elapsedSeconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  void stop() {
    end = System.nanoTime();
    stopped = true;
  }

  /** The warm-up as it went: shorter than asked when every task was merged within it. */
  double warmUpSeconds() {
    return (Math.min(end, measureFrom) - start) / 1e9;
  }

  /** The measured part: zero when the run ended within its warm-up. */
  double measuredSeconds() {
    return Math.max(0, end - measureFrom) / 1e9;
  }
}
