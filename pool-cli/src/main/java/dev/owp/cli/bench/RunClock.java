package dev.owp.cli.bench;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The run's time line: it starts, warms up for {@code --warm-up}, then measures for at most {@code
 * --duration}. A request belongs to the part in which it started, so the burst of a thousand
 * workers starting at once stays out of the measured latencies when there is a warm-up.
 */
final class RunClock {

  private final LongSupplier nanos;
  private long start;
  private long measureFrom;
  private long deadline;
  private long end;

  /** A clock on {@code nanos}, a monotonic time such as {@link System#nanoTime()}. */
  RunClock(LongSupplier nanos) {
    this.nanos = nanos;
  }

  void start(Duration warmUp, Duration measured) {
    start = nanos.getAsLong();
    measureFrom = start + warmUp.toNanos();
    deadline = measureFrom + measured.toNanos();
  }

  long now() {
    return nanos.getAsLong();
  }

  /** Whether something that happened at {@code time} (a {@link #now()}) is measured. */
  boolean measures(long time) {
    return time - measureFrom >= 0;
  }

  boolean isWarmingUp() {
    return !measures(now());
  }

  boolean isOver() {
    return now() - deadline >= 0;
  }

  /** Until the next moment the run changes: the end of the warm-up, or the deadline. */
  long millisToNextPart() {
    long next = isWarmingUp() ? measureFrom : deadline;
    return Math.max(1, (next - now()) / 1_000_000);
  }

  double elapsedSeconds() {
    return (now() - start) / 1e9;
  }

  void stop() {
    end = now();
  }

  /** The warm-up as it went: shorter than asked when every task was merged within it. */
  double warmUpSeconds() {
    return (Math.min(end, measureFrom) - start) / 1e9;
  }

  /** Whether the run went on past its warm-up. */
  boolean measured() {
    return end - measureFrom > 0;
  }

  /** The measured part: zero when the run ended within its warm-up. */
  double measuredSeconds() {
    return Math.max(0, end - measureFrom) / 1e9;
  }
}
