package dev.owp.poold.dashboard;

import dev.owp.protocol.event.EventView;
import dev.owp.protocol.repo.RepoView;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import dev.owp.protocol.worker.WorkerView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the dashboard page shows, read in one go. */
record DashboardView(
    Instant serverTime,
    Map<TaskStatus, Integer> tasksByStatus,
    int workersOnline,
    int workersTotal,
    List<RepoView> repos,
    List<WorkerView> workers,
    List<TaskView> recentTasks,
    List<EventView> recentEvents) {}
