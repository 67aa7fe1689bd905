package dev.owp.protocol.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a bulk request: totals and one entry per task, in request order; and, when the
 * request withdrew tasks, one entry per withdrawn key that matched a task. The withdrawal fields
 * are left out of the JSON when there were none, as in v0.1.
 */
public record BulkResult(
    boolean ok,
    int created,
    int updated,
    int unchanged,
    List<TaskUpsert> results,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int cancelled,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int kept,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TaskWithdrawn> withdrawn) {

  /** Copies the lists. */
  public BulkResult {
    results = List.copyOf(results);
    withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
  }

  /** A result without withdrawals. */
  public BulkResult(boolean ok, int created, int updated, int unchanged, List<TaskUpsert> results) {
    this(ok, created, updated, unchanged, results, 0, 0, List.of());
  }

  /** The answer as read from the wire, where v0.1 servers leave out the withdrawal fields. */
  @JsonCreator
  public static BulkResult of(
      boolean ok,
      int created,
      int updated,
      int unchanged,
      List<TaskUpsert> results,
      @Nullable Integer cancelled,
      @Nullable Integer kept,
      @Nullable List<TaskWithdrawn> withdrawn) {
    return new BulkResult(
        ok,
        created,
        updated,
        unchanged,
        results,
        cancelled == null ? 0 : cancelled,
        kept == null ? 0 : kept,
        withdrawn == null ? List.of() : withdrawn);
  }

  /** Totals computed from {@code results}. */
  public static BulkResult of(List<TaskUpsert> results) {
    return of(results, List.of());
  }

  /** Totals computed from {@code results} and {@code withdrawn}. */
  public static BulkResult of(List<TaskUpsert> results, List<TaskWithdrawn> withdrawn) {
    return new BulkResult(
        true,
        count(results, UpsertOutcome.CREATED),
        count(results, UpsertOutcome.UPDATED),
        count(results, UpsertOutcome.UNCHANGED),
        results,
        (int)
            withdrawn.stream().filter(w -> w.outcome() == TaskWithdrawn.Outcome.CANCELLED).count(),
        (int) withdrawn.stream().filter(w -> w.outcome() == TaskWithdrawn.Outcome.KEPT).count(),
        withdrawn);
  }

  private static int count(List<TaskUpsert> results, UpsertOutcome outcome) {
    return (int) results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
