package dev.owp.cli.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The end of a run as its simulated workers see it: whether it came, and a wait that it cuts short,
 * so a worker waiting for its next heartbeat stops as soon as the run does.
 */
final class StopSignal {

  private final BooleanSupplier due;
  private final CountDownLatch given = new CountDownLatch(1);

  /** {@code due} says the run is over before anyone {@linkplain #give() gives} the signal. */
  StopSignal(BooleanSupplier due) {
    this.due = due;
  }

  boolean isGiven() {
    return given.getCount() == 0 || due.getAsBoolean() || Thread.currentThread().isInterrupted();
  }

  /** Ends the run for every worker, and wakes those waiting. */
  void give() {
    given.countDown();
  }

  /** Waits {@code nanos}, or less when the run ends meanwhile. */
  void await(long nanos) {
    try {
      given.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
