package dev.owp.protocol.scheduling;

import dev.owp.protocol.Require;

/**
 * Trust tiers route risky work to trusted workers. A task's {@code tier} says how much trust it
 * needs; a worker's {@code trust_tier} says how much it has. Workers start at {@link #LOWEST} and
 * admins raise them.
 */
public final class TrustTier {

  /** The tier of new workers and of ordinary tasks. */
  public static final int LOWEST = 0;

  /** The highest tier. */
  public static final int HIGHEST = 3;

  private TrustTier() {}

  /** Checks that {@code tier} is a valid tier, naming {@code field} otherwise. */
  public static int require(String field, int tier) {
    return Require.range(field, tier, LOWEST, HIGHEST);
  }

  /** True when a worker of {@code workerTier} may take a task of {@code taskTier}. */
  public static boolean admits(int workerTier, int taskTier) {
    return workerTier >= taskTier;
  }
}
