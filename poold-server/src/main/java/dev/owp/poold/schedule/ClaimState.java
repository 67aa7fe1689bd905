package dev.owp.poold.schedule;

import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.ClaimPolicy;
import dev.owp.protocol.scheduling.RepoSnapshot;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import java.util.List;
import java.util.Map;

/**
 * What the claim policy needs to choose work for one worker: the worker, the repositories with a
 * free budget slot, and the heads of their ready queues with the row version each was read at.
 */
record ClaimState(
    WorkerSnapshot worker, Map<String, RepoSnapshot> repos, Map<Candidate, Long> versions) {

  /** Nothing to choose from. */
  static ClaimState nothingFor(WorkerSnapshot worker) {
    return new ClaimState(worker, Map.of(), Map.of());
  }

  /** The leases the policy grants, in order. */
  List<Candidate> plan() {
    return versions.isEmpty()
        ? List.of()
        : ClaimPolicy.plan(worker, List.copyOf(versions.keySet()), repos);
  }

  /** The row version {@code task} was read at. */
  long version(Candidate task) {
    return versions.get(task);
  }
}
