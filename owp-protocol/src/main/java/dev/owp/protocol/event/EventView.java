package dev.owp.protocol.event;

import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log.
 *
 * @param id increases with every event; pages are keyed on it
 * @param actorWorkerId the worker that caused it, or null for admins and the scheduler
 * @param details event-specific fields, e.g. {@code {"reason":"lease_expired"}}
 */
public record EventView(
    long id,
    Instant ts,
    EventType type,
    @Nullable WorkerId actorWorkerId,
    @Nullable String repo,
    @Nullable TaskId taskId,
    Map<String, Object> details) {}
