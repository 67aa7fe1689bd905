package dev.owp.cli.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the operator's requests to stop, normally Ctrl-C presses: long-running commands read the
 * count (the first press asks to finish gracefully, the second to stop now). Tests press it
 * directly, so the shutdown logic is tested without signals.
 */
public final class StopSignal {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private int presses;

  /** One more request to stop; wakes every waiter and listener. */
  public void press() {
    synchronized (this) {
      presses++;
      notifyAll();
    }
    listeners.forEach(Runnable::run);
  }

  /** How many times stop was requested. */
  public synchronized int presses() {
    return presses;
  }

  /**
   * Waits until stop is requested more than {@code seen} times, or {@code timeout} passes.
   *
   * @return the number of presses afterwards
   */
  public synchronized int await(int seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left = timeout.toNanos();
    while (presses <= seen && left > 0) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
    return presses;
  }

  /** Runs {@code listener} on every later press, until the returned handle is closed. */
  public AutoCloseable onPress(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
