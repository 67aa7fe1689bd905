package dev.owp.cli.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition that another process or thread brings about, by polling it. Used where
 * nothing can notify the test, such as a task's status on the server.
 */
public final class Eventually {

  private static final Duration POLL = Duration.ofMillis(50);

  private Eventually() {}

  /** The value once {@code done} accepts it; fails after {@code timeout} naming {@code what}. */
  public static <T> T await(
      String what, Duration timeout, Supplier<T> value, Predicate<? super T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = value.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; last: " + last);
      }
      pause(POLL);
      last = value.get();
    }
    return last;
  }

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
    await(what, timeout, condition, Boolean::booleanValue);
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
