package dev.owp.cli.worker.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retrying an unreachable server: a step of {@code initial}, twice as long
 * each time, at most {@code max}; a success starts over.
 *
 * <p>Each delay is drawn between half the step and the whole of it ("equal jitter"). Workers that
 * lost the server at the same moment (a poold restart cuts every open request at once) would
 * otherwise retry at the same moments too, and reach the restarted poold in waves.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier jitter;
  private Duration step;

  /**
   * Steps from {@code initial} doubling up to {@code max}; {@code jitter} gives a fraction in
   * {@code [0, 1)}, and the delay is the step less that fraction of its half (0 waits the whole
   * step).
   */
  public Backoff(Duration initial, Duration max, DoubleSupplier jitter) {
    this.initial = initial;
    this.max = max;
    this.jitter = jitter;
    this.step = initial;
  }

  /** One second doubling to one minute, jittered: patient enough for a restarting poold. */
  public static Backoff standard() {
    return new Backoff(
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The delay before the next attempt; each call doubles the following step. */
  public Duration nextDelay() {
    long stepMillis = step.toMillis();
    long delayMillis = stepMillis - Math.round(stepMillis / 2.0 * jitter.getAsDouble());
    Duration doubled = step.multipliedBy(2);
    step = doubled.compareTo(max) > 0 ? max : doubled;
    return Duration.ofMillis(delayMillis);
  }

  /** True when no attempt failed since the last reset. */
  public boolean isReset() {
    return step.equals(initial);
  }

  /** The server answered: the next failure steps from {@code initial} again. */
  public void reset() {
    step = initial;
  }

  /** A delay in words: {@code 500ms} under a second, else seconds to a tenth, e.g. {@code 1.4s}. */
  public static String words(Duration delay) {
    long millis = delay.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    BigDecimal seconds = BigDecimal.valueOf(millis, 3).setScale(1, RoundingMode.HALF_UP);
    return seconds.stripTrailingZeros().toPlainString() + "s";
  }
}
