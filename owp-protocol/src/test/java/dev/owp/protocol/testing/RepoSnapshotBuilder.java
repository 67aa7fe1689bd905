package dev.owp.protocol.testing;

import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.budget.ReviewBudget;
import dev.owp.protocol.scheduling.RepoSnapshot;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds repositories as the scheduler sees them: {@code aRepo().maxOpenPrs(1).locking("auth")}.
 * Defaults: budget 3, nothing held, area locks on, no area locked.
 */
public final class RepoSnapshotBuilder {

  private int maxOpenPrs = ReviewBudget.DEFAULT_MAX_OPEN_PRS;
  private int held;
  private boolean areaLocksEnabled = true;
  private Set<AreaKey> lockedAreas = Set.of();

  private RepoSnapshotBuilder() {}

  /** A repository with the default settings and no held task. */
  public static RepoSnapshotBuilder aRepo() {
    return new RepoSnapshotBuilder();
  }

  /** With this review budget. */
  public RepoSnapshotBuilder maxOpenPrs(int maxOpenPrs) {
    this.maxOpenPrs = maxOpenPrs;
    return this;
  }

  /** With this many held tasks. */
  public RepoSnapshotBuilder held(int held) {
    this.held = held;
    return this;
  }

  /** With area locks switched off. */
  public RepoSnapshotBuilder withoutAreaLocks() {
    this.areaLocksEnabled = false;
    return this;
  }

  /** With these areas locked by held tasks. */
  public RepoSnapshotBuilder locking(String... areas) {
    this.lockedAreas =
        Arrays.stream(areas).map(a -> AreaKey.parse(a).orElseThrow()).collect(Collectors.toSet());
    return this;
  }

  /** The snapshot. */
  public RepoSnapshot build() {
    return new RepoSnapshot(maxOpenPrs, held, areaLocksEnabled, lockedAreas);
  }
}
