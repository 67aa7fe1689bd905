package dev.owp.poold.repo;

import dev.owp.protocol.budget.ReviewBudget;
import java.time.Instant;

/**
 * A registered repository as stored.
 *
 * @param held tasks of the repository that hold a slot of its review budget
 */
public record TrackedRepo(
    String repo, int maxOpenPrs, boolean areaLocksEnabled, int held, Instant createdAt) {

  /** True when nothing more may be leased in it. */
  public boolean throttled() {
    return ReviewBudget.isThrottled(held, maxOpenPrs);
  }
}
