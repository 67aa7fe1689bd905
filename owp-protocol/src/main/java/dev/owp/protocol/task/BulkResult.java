package dev.owp.protocol.task;

import java.util.List;

/**
 * The answer to a bulk request: totals and one entry per task, in request order, followed by one
 * entry per withdrawal ({@code cancelled}, {@code unchanged} when already cancelled, {@code kept}
 * when a worker had started it; a key that matches no task has no entry).
 */
public record BulkResult(
    boolean ok,
    int created,
    int updated,
    int unchanged,
    List<TaskUpsert> results,
    int cancelled,
    int kept) {

  /** Copies the results. */
  public BulkResult {
    results = List.copyOf(results);
  }

  /** A result without withdrawals. */
  public BulkResult(boolean ok, int created, int updated, int unchanged, List<TaskUpsert> results) {
    this(ok, created, updated, unchanged, results, 0, 0);
  }

  /** Totals computed from {@code results}. */
  public static BulkResult of(List<TaskUpsert> results) {
    return new BulkResult(
        true,
        count(results, UpsertOutcome.CREATED),
        count(results, UpsertOutcome.UPDATED),
        count(results, UpsertOutcome.UNCHANGED),
        results,
        count(results, UpsertOutcome.CANCELLED),
        count(results, UpsertOutcome.KEPT));
  }

  private static int count(List<TaskUpsert> results, UpsertOutcome outcome) {
    return (int) results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
