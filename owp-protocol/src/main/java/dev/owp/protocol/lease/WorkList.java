package dev.owp.protocol.lease;

import dev.owp.protocol.worker.WorkerId;
import java.util.List;

/**
 * The answer to {@code GET /v1/work}: the tasks a worker holds (leased, in_progress, blocked,
 * pr_opened), by priority descending then oldest first.
 */
public record WorkList(WorkerId workerId, List<LeaseView> leases) {

  /** Copies the leases. */
  public WorkList {
    leases = List.copyOf(leases);
  }
}
