package dev.owp.protocol.task;

import java.util.List;

/** The answer to a bulk request: totals and one entry per task, in request order. */
public record BulkResult(
    boolean ok, int created, int updated, int unchanged, List<TaskUpsert> results) {

  /** Copies the results. */
  public BulkResult {
    results = List.copyOf(results);
  }

  /** Totals computed from {@code results}. */
  public static BulkResult of(List<TaskUpsert> results) {
    return new BulkResult(
        true,
        count(results, UpsertOutcome.CREATED),
        count(results, UpsertOutcome.UPDATED),
        count(results, UpsertOutcome.UNCHANGED),
        results);
  }

  private static int count(List<TaskUpsert> results, UpsertOutcome outcome) {
    return (int) results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
