package dev.owp.protocol.task;

import org.jspecify.annotations.Nullable;

/** What happened to one entry of a bulk request, in request order. */
public record TaskUpsert(TaskId taskId, @Nullable String key, UpsertOutcome outcome) {}
