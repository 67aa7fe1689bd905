package dev.owp.cli.worker.run;

import dev.owp.protocol.lease.WorkList;
import org.jspecify.annotations.Nullable;

/**
 * What a worker loop does with the worker's leases: show them, or run a command per lease. The loop
 * calls it from one thread only. Calls that talk to poold may throw {@link
 * dev.owp.protocol.client.OwpUnreachableException}; the loop then backs off and calls again.
 */
interface LeaseHandler {

  /**
   * A fresh list of the worker's tasks.
   *
   * @param takeNewWork false once the loop drains: start nothing new
   */
  void handle(WorkList work, boolean takeNewWork);

  /** How many commands are still running. */
  int running();

  /** Collects finished commands and sends their reports; undelivered ones stay queued. */
  void flush();

  /** True when finished commands still wait to be reported. */
  boolean hasPendingReports();

  /** Kills running commands and gives their tasks back to the pool. */
  void stopNow();

  /** Kills running commands without reporting: the worker lost its tasks anyway. */
  void abandon();

  /**
   * Why the handler takes no more work, or null while it does. Once not null, the loop drains
   * (running commands finish and are reported) and exits with {@link
   * dev.owp.cli.common.ExitCodes#REJECTED}.
   */
  default @Nullable String failure() {
    return null;
  }

  /** Something else was printed to the terminal, so output drawn in place must start anew. */
  default void printedElsewhere() {}
}
