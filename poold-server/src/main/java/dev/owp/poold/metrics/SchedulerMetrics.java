package dev.owp.poold.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of the scheduler's decisions. A decision counts once its transaction commits: a lease
 * that lost a race and was rolled back was never granted.
 */
@Component
public class SchedulerMetrics {

  private final Counter leasesGranted;
  private final Counter leasesRenewed;
  private final MeterRegistry registry;

  SchedulerMetrics(MeterRegistry registry) {
    this.registry = registry;
    leasesGranted =
        Counter.builder("owp.leases.granted")
            .description("Leases granted to workers")
            .register(registry);
    leasesRenewed =
        Counter.builder("owp.leases.renewed")
            .description("Lease renewals by worker heartbeats, one per held task")
            .register(registry);
  }

  /** {@code count} leases were granted. */
  public void leasesGranted(int count) {
    afterCommit(() -> leasesGranted.increment(count));
  }

  /** {@code count} leases were renewed. */
  public void leasesRenewed(int count) {
    afterCommit(() -> leasesRenewed.increment(count));
  }

  /** A held task went back to the pool, for {@code reason} (e.g. {@code lease_expired}). */
  public void returnedToPool(String reason) {
    Counter counter =
        Counter.builder("owp.tasks.returned")
            .description("Held tasks that went back to the pool, by reason")
            .tag("reason", reason)
            .register(registry);
    afterCommit(counter::increment);
  }

  private static void afterCommit(Runnable count) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      count.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            count.run();
          }
        });
  }
}
