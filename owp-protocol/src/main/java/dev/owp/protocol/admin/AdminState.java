package dev.owp.protocol.admin;

import java.time.Instant;

/**
 * {@code GET /v1/admin/state}: pool-wide counts. The first seven fields are v0.1's.
 *
 * @param workersOnline workers whose last heartbeat is within the heartbeat TTL, paused included
 */
public record AdminState(
    int workersOnline,
    int tasksReady,
    int tasksLeased,
    int tasksInProgress,
    int tasksPrOpened,
    int tasksBlocked,
    int tasksMerged,
    int tasksCancelled,
    int workersTotal,
    int reposThrottled,
    Instant serverTime) {}
