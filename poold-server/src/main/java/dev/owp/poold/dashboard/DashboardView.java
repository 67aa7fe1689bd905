package dev.owp.poold.dashboard;

import dev.owp.protocol.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard page shows, read in one go.
 *
 * @param lastEventId the newest event when the page was read: the live feed starts after it
 */
record DashboardView(
    Instant serverTime,
    Map<TaskStatus, Integer> tasksByStatus,
    int tasksTotal,
    int workersOnline,
    int workersTotal,
    int reposThrottled,
    List<RepoPanel> repos,
    List<WorkerRow> workers,
    boolean moreWorkers,
    List<String> repoNames,
    TaskList tasks,
    List<EventRow> recentEvents,
    long lastEventId) {}
