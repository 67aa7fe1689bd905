package dev.owp.protocol.scheduling;

import dev.owp.protocol.area.AreaKey;
import java.util.HashSet;
import java.util.Set;

/**
 * A repository as the scheduler sees it: its review budget, how much of it is used, and the areas
 * its held tasks lock.
 *
 * @param maxOpenPrs the review budget
 * @param held the repository's held tasks (leased, in_progress, blocked, pr_opened)
 * @param areaLocksEnabled whether area locks apply
 * @param lockedAreas areas of held tasks
 */
public record RepoSnapshot(
    int maxOpenPrs, int held, boolean areaLocksEnabled, Set<AreaKey> lockedAreas) {

  /** Copies the areas. */
  public RepoSnapshot {
    lockedAreas = Set.copyOf(lockedAreas);
  }

  /** The same repository after one more of its tasks was leased. */
  public RepoSnapshot taking(Candidate task) {
    Set<AreaKey> areas = new HashSet<>(lockedAreas);
    if (areaLocksEnabled) {
      task.area().ifPresent(areas::add);
    }
    return new RepoSnapshot(maxOpenPrs, held + 1, areaLocksEnabled, areas);
  }
}
