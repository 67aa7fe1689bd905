package dev.owp.poold.metrics;

import dev.owp.poold.storage.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

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
    AfterCommit.run(() -> leasesGranted.increment(count));
  }

  /** {@code count} leases were renewed. */
  public void leasesRenewed(int count) {
    AfterCommit.run(() -> leasesRenewed.increment(count));
  }

  /** A held task went back to the pool, for {@code reason} (e.g. {@code lease_expired}). */
  public void returnedToPool(String reason) {
    Counter counter =
        Counter.builder("owp.tasks.returned")
            .description("Held tasks that went back to the pool, by reason")
            .tag("reason", reason)
            .register(registry);
    AfterCommit.run(counter::increment);
  }
}
