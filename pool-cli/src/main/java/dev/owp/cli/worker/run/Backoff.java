package dev.owp.cli.worker.run;

import java.time.Duration;

/**
 * How long to wait before retrying an unreachable server: {@code initial}, then twice as long each
 * time, at most {@code max}; a success starts over.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration next;

  /** Delays from {@code initial} doubling up to {@code max}. */
  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** One second doubling to one minute: patient enough for a restarting poold. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
  }

  /** The delay before the next attempt; each call doubles the following one. */
  public Duration nextDelay() {
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }

  /** True when no attempt failed since the last reset. */
  public boolean isReset() {
    return next.equals(initial);
  }

  /** The server answered: the next failure waits {@code initial} again. */
  public void reset() {
    next = initial;
  }

  /** A delay in words, e.g. {@code 2s} or {@code 500ms}. */
  public static String words(Duration delay) {
    long millis = delay.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
