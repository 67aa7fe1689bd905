package dev.owp.protocol.task;

/**
 * The answer to {@code POST /v1/admin/tasks}: v0.1's {@code ok} and {@code task_id}, plus what
 * happened.
 */
public record TaskCreated(boolean ok, TaskId taskId, UpsertOutcome outcome) {}
