package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one entry of a bulk request, in request order.
 *
 * @param reopened true when the entry put a withdrawn task (cancelled because its GitHub issue went
 *     away) back in the pool; its outcome is then {@link UpsertOutcome#UPDATED}. Left out of the
 *     JSON when false, as in v0.1.
 */
public record TaskUpsert(
    TaskId taskId,
    @Nullable String key,
    UpsertOutcome outcome,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reopened) {

  /** An entry that reopened nothing. */
  public TaskUpsert(TaskId taskId, @Nullable String key, UpsertOutcome outcome) {
    this(taskId, key, outcome, false);
  }

  /** The entry as read from the wire, where older servers leave out {@code reopened}. */
  @JsonCreator
  public static TaskUpsert of(
      TaskId taskId, @Nullable String key, UpsertOutcome outcome, @Nullable Boolean reopened) {
    return new TaskUpsert(taskId, key, outcome, reopened != null && reopened);
  }
}
