package dev.owp.protocol.area;

import java.util.Optional;
import java.util.Set;

/** The area-lock rule. */
public final class AreaLocks {

  private AreaLocks() {}

  /**
   * True when a task in {@code area} may be leased while the areas in {@code held} are locked in
   * its repository.
   *
   * @param lockingEnabled the repository's {@code area_locks_enabled}; when false nothing conflicts
   * @param held the areas of the repository's held tasks (leased, in_progress, blocked, pr_opened)
   * @param area the candidate task's area; a task without an area never conflicts
   */
  public static boolean admits(boolean lockingEnabled, Set<AreaKey> held, Optional<AreaKey> area) {
    return !lockingEnabled || area.isEmpty() || !held.contains(area.get());
  }
}
