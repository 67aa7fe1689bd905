package dev.owp.protocol.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a status update or a release: v0.1's {@code ok}, the task's status now, and when
 * its lease lapses (null once the task left the worker).
 */
public record StatusAck(boolean ok, TaskStatus status, @Nullable Instant leaseExpiresAt) {}
