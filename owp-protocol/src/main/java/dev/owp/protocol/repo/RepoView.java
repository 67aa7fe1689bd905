package dev.owp.protocol.repo;

import java.time.Instant;

/**
 * A repository with the use of its review budget.
 *
 * @param held tasks holding a slot of the budget: leased, in_progress, blocked and pr_opened
 * @param openPrs of those, the ones in pr_opened
 * @param ready tasks waiting in the pool
 * @param throttled true when the budget has no free slot: nothing more is assigned
 */
public record RepoView(
    String repo,
    int maxOpenPrs,
    boolean areaLocksEnabled,
    int held,
    int openPrs,
    int ready,
    boolean throttled,
    Instant createdAt) {}
