package dev.owp.cli.bench;

import java.util.concurrent.atomic.LongAdder;

/** Requests sent, failed ones included: in all, and those the run measured. */
final class RequestCounter {

  private final RunClock clock;
  private final LongAdder all = new LongAdder();
  private final LongAdder measured = new LongAdder();

  RequestCounter(RunClock clock) {
    this.clock = clock;
  }

  /** Counts a request that started at {@code startNanos}. */
  void count(long startNanos) {
    all.increment();
    if (clock.measures(startNanos)) {
      measured.increment();
    }
  }

  long all() {
    return all.sum();
  }

  long measured() {
    return measured.sum();
  }
}
