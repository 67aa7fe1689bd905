package dev.owp.protocol.scheduling;

/** Why a ready task cannot go to a given worker right now. */
public enum Ineligibility {
  /** The task's repository is not registered. */
  UNKNOWN_REPO,
  /** The repository's review budget is used up. */
  BUDGET_EXHAUSTED,
  /** Another held task of the repository locks the task's area. */
  AREA_LOCKED,
  /** The worker lacks a required skill. */
  MISSING_SKILL,
  /** The task needs a higher trust tier than the worker has. */
  TIER_TOO_LOW,
  /** The task does not fit the worker's free points or slots. */
  NO_CAPACITY
}
